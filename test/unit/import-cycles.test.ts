// The module graph of src/ has no cycles, and the layers point one way: db/ below api/. A cycle
// makes the load order matter (a value read before its module has run is undefined) and ties
// layers that should stand alone. Every `import … from` and `export … from` counts, type-only
// ones included; `import()` expressions, which load later, do not.
import { readdirSync, readFileSync } from 'node:fs'
import { dirname, join, relative, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import ts from 'typescript'
import { describe, expect, it } from 'vitest'

const ROOT = fileURLToPath(new URL('../../', import.meta.url))
const SRC = join(ROOT, 'src')

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name)
    if (entry.isDirectory()) return sourceFiles(path)
    return entry.name.endsWith('.ts') ? [path] : []
  })
}

/** Each file under src/, by its path from the repository root, with the src/ files it imports. */
function importGraph(): Map<string, string[]> {
  const files = sourceFiles(SRC)
  const known = new Set(files)
  const graph = new Map<string, string[]>()
  for (const file of files) {
    const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, false, ts.ScriptKind.TS)
    const targets = new Set<string>()
    for (const statement of source.statements) {
      const specifier = ts.isImportDeclaration(statement) || ts.isExportDeclaration(statement) ? statement.moduleSpecifier : undefined
      if (specifier === undefined || !ts.isStringLiteral(specifier) || !specifier.text.startsWith('.')) continue
      const target = resolve(dirname(file), specifier.text)
      if (known.has(target)) targets.add(relative(ROOT, target))
    }
    graph.set(relative(ROOT, file), [...targets].sort())
  }
  return graph
}

/** Strongly connected components with more than one file (or a file importing itself), Tarjan. */
function cyclicComponents(graph: Map<string, string[]>): string[][] {
  let next = 0
  const index = new Map<string, number>()
  const low = new Map<string, number>()
  const stack: string[] = []
  const onStack = new Set<string>()
  const components: string[][] = []
  const visit = (v: string) => {
    index.set(v, next)
    low.set(v, next++)
    stack.push(v)
    onStack.add(v)
    for (const w of graph.get(v) ?? []) {
      if (!index.has(w)) {
        visit(w)
        low.set(v, Math.min(low.get(v)!, low.get(w)!))
      } else if (onStack.has(w)) {
        low.set(v, Math.min(low.get(v)!, index.get(w)!))
      }
    }
    if (low.get(v) !== index.get(v)) return
    const component: string[] = []
    let w: string
    do {
      w = stack.pop()!
      onStack.delete(w)
      component.push(w)
    } while (w !== v)
    if (component.length > 1 || graph.get(v)!.includes(v)) components.push(component.sort())
  }
  for (const v of [...graph.keys()].sort()) if (!index.has(v)) visit(v)
  return components
}

/** One shortest cycle through the component's first file, as `a → b → … → a`. */
function cycleThrough(graph: Map<string, string[]>, component: string[]): string {
  const members = new Set(component)
  const start = component[0]!
  const previous = new Map<string, string>()
  const queue = [start]
  for (let i = 0; i < queue.length; i++) {
    const v = queue[i]!
    for (const w of graph.get(v)!) {
      if (w === start) {
        const path = [v]
        while (path[0] !== start) path.unshift(previous.get(path[0]!)!)
        return [...path, start].join(' → ')
      }
      if (members.has(w) && !previous.has(w) && w !== start) {
        previous.set(w, v)
        queue.push(w)
      }
    }
  }
  return component.join(', ')
}

describe('the module graph of src/', () => {
  const graph = importGraph()

  it('reads type-only imports and re-exports too', () => {
    expect(graph.get('src/app.ts')).toContain('src/api/surface.ts')
    expect(graph.get('src/api/common/paging.ts')).toContain('src/db/page.ts')
  })

  it('has no import cycle', () => {
    const cycles = cyclicComponents(graph).map((component) => `${cycleThrough(graph, component)}  (${component.length} files: ${component.join(', ')})`)
    expect(cycles, `import cycles:\n${cycles.join('\n')}`).toEqual([])
  })

  it('src/db imports nothing from src/api', () => {
    const upward = [...graph].flatMap(([file, targets]) =>
      file.startsWith('src/db/') ? targets.filter((t) => t.startsWith('src/api/')).map((t) => `${file} → ${t}`) : [])
    expect(upward).toEqual([])
  })
})

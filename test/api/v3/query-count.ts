// Counts the SQL statements a request runs (SPEC: a page is one or two queries, never one per
// record): the test app's database wrapped in a plugin that compiles and records every query.
import { PostgresQueryCompiler, type KyselyPlugin, type RootOperationNode } from 'kysely'
import { buildApp } from '../../../src/app.ts'
import type { TestApp } from '../../support/app.ts'

export async function countingApp(t: TestApp) {
  const compiler = new PostgresQueryCompiler()
  // A builder nested in another (a subquery) is transformed too but never executed on its own,
  // so a statement counts when its result comes back.
  const compiled = new WeakMap<object, string>()
  let statements: string[] = []
  const plugin: KyselyPlugin = {
    transformQuery(args) {
      compiled.set(args.queryId, compiler.compileQuery(args.node as RootOperationNode, args.queryId).sql)
      return args.node
    },
    async transformResult(args) {
      statements.push(compiled.get(args.queryId) ?? '?')
      return args.result
    },
  }
  const app = await buildApp({ db: t.db.withPlugin(plugin), config: t.config })
  await app.ready()
  return {
    /** Statements run by one request: all of them, and those that are not authentication's. */
    async count(method: 'GET', url: string, token: string, date = '2025-07-02T10:00:00Z') {
      statements = []
      const res = await app.inject({ method, url, headers: { authorization: `Bearer ${token}`, 'x-with-server-date': date } })
      const page = statements.filter((s) => !/lead_provider_tokens|admin_tokens/.test(s))
      return { status: res.statusCode, rows: (JSON.parse(res.body) as { data: unknown[] }).data.length, queries: statements.length, pageQueries: page.length, statements }
    },
    close: () => app.close(),
  }
}

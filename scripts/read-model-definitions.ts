// `npm run definitions:read-models`: writes src/db/definitions/document_invalidations_on_<table>.sql
// from the invalidation map (src/read-models/dependencies.ts) and removes those of tables it no
// longer names. A removed file's function must be dropped by a migration (migrate.ts).
import { readdir, rm, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { PACKAGE_ROOT } from '../src/package-root.ts'
import { definitionFiles } from '../src/read-models/invalidation.ts'

const dir = join(PACKAGE_ROOT, 'src', 'db', 'definitions')
const files = definitionFiles()
for (const { file, text } of files) await writeFile(join(dir, file), text)
for (const file of await readdir(dir)) {
  if (file.startsWith('document_invalidations_on_') && !files.some((f) => f.file === file)) {
    await rm(join(dir, file))
    console.log(`removed ${file}: drop its function in a new migration`)
  }
}
console.log(`${files.length} definitions written from the invalidation map`)

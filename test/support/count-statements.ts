// Counts the statements a Kysely instance executes, for the "fixed number of queries per page"
// checks (STYLE: feeds are shaped in SQL, never one query per record).
import type { KyselyPlugin, PluginTransformQueryArgs, PluginTransformResultArgs, QueryResult, RootOperationNode, UnknownRow } from 'kysely'
import { buildApp } from '../../src/app.ts'
import { testConfig } from '../../src/config.ts'
import type { Db } from '../../src/db/connect.ts'

export class CountStatements implements KyselyPlugin {
  count = 0
  transformQuery(args: PluginTransformQueryArgs): RootOperationNode {
    return args.node
  }
  async transformResult(args: PluginTransformResultArgs): Promise<QueryResult<UnknownRow>> {
    this.count++
    return args.result
  }
}

/**
 * An app over `db` that counts statements; `statementsFor(url)` answers how many one GET took
 * and how many records it returned. The first call also records the token's use (C-6): make a
 * warm-up call before comparing.
 */
export async function countingApp(db: Db, headers: Record<string, string>) {
  const counter = new CountStatements()
  const app = await buildApp({ db: db.withPlugin(counter), config: testConfig() })
  await app.ready()
  const statementsFor = async (url: string) => {
    const before = counter.count
    const res = await app.inject({ method: 'GET', url, headers })
    if (res.statusCode !== 200) throw new Error(`${url} answered ${res.statusCode}: ${res.body}`)
    return { statements: counter.count - before, rows: (JSON.parse(res.body).data as unknown[]).length }
  }
  return { statementsFor, close: () => app.close() }
}

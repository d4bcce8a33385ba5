// Counts the statements a request executes, for the "fixed number of queries per page" checks
// (STYLE: feeds are shaped in SQL, never one query per record). A builder nested in another (a
// subquery) is transformed but never executed alone, so a statement counts when its result returns.
import { PostgresQueryCompiler, type KyselyPlugin, type RootOperationNode } from 'kysely'
import { buildApp } from '../../src/app.ts'
import { testConfig } from '../../src/config.ts'
import type { Db } from '../../src/db/connect.ts'

class RecordStatements implements KyselyPlugin {
  readonly #compiler = new PostgresQueryCompiler()
  readonly #compiled = new WeakMap<object, string>()
  executed: string[] = []

  transformQuery(args: Parameters<KyselyPlugin['transformQuery']>[0]): RootOperationNode {
    this.#compiled.set(args.queryId, this.#compiler.compileQuery(args.node, args.queryId).sql)
    return args.node
  }

  async transformResult(args: Parameters<KyselyPlugin['transformResult']>[0]) {
    this.executed.push(this.#compiled.get(args.queryId) ?? '?')
    return args.result
  }
}

const AUTHENTICATION = /lead_provider_tokens|admin_tokens/

/**
 * An app over `db` that records statements; `statementsFor(url)` answers how many one GET ran
 * (all, and those that are not authentication's), how many records it returned and its body;
 * with a `payload`, the request is a POST of it; `moreHeaders` add to or replace the app's.
 */
export async function countingApp(db: Db, headers: Record<string, string>) {
  const recorder = new RecordStatements()
  const recorded = db.withPlugin(recorder)
  const app = await buildApp({ db: recorded, config: testConfig() })
  await app.ready()
  const statementsFor = async (url: string, payload?: object, moreHeaders: Record<string, string> = {}) => {
    recorder.executed = []
    const all = { ...headers, ...moreHeaders }
    const res = await app.inject(payload === undefined ? { method: 'GET', url, headers: all } : { method: 'POST', url, headers: all, payload })
    if (res.statusCode !== 200) throw new Error(`${url} answered ${res.statusCode}: ${res.body}`)
    const executed = recorder.executed
    const page = executed.filter((s) => !AUTHENTICATION.test(s))
    const data = JSON.parse(res.body).data as unknown
    return {
      statements: executed.length,
      pageStatements: page.length,
      rows: Array.isArray(data) ? data.length : 1,
      /** The SQL text of the statements that are not authentication's, in order. */
      sql: page,
      /** The SQL text of authentication's statements. */
      authentication: executed.filter((s) => AUTHENTICATION.test(s)),
      body: res.body,
    }
  }
  /** The SQL text of every statement `requests` ran (several requests at once, say), and their answers. */
  const statementsDuring = async <T>(requests: () => Promise<T>): Promise<{ answers: T; sql: string[] }> => {
    recorder.executed = []
    const answers = await requests()
    return { answers, sql: recorder.executed }
  }
  return { statementsFor, statementsDuring, app, db: recorded, close: () => app.close() }
}

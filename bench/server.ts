// The server the bench drives: buildApp over PostgreSQL, listening on PORT. Configured like
// `rect serve` from the environment (DATABASE_URL, RECT_MODE, RECT_RATE_LIMIT_*, LOG_LEVEL) but
// without the start-up sequence (S-17), so a seeded national database is served as it is; the
// documents' background warm-up runs as it does there: first after RECT_WARMUP_FIRST_MS (default
// 1000), then RECT_WARMUP_EVERY_MS (default 60000) after each run ends; the bench's rebuild rows
// start it at once and every second, so a stale lead provider is rebuilt while they measure.
import { buildApp } from '../src/app.ts'
import { loadConfig } from '../src/config.ts'
import { connect } from '../src/db/connect.ts'
import { warmDocumentsInBackground } from '../src/read-models/warm-up.ts'
import { limitHeapGrowth } from '../src/server.ts'

const loaded = loadConfig({}, process.env)
if (!loaded.ok) {
  console.error(loaded.problems.join('\n'))
  process.exit(2)
}
const { config } = loaded
const connection = await connect(config.database, config.statementTimeoutMs)
const app = await buildApp({ db: connection.db, config })
// As rect serve (serve-start.ts): stale documents are built in the background.
const firstAfterMs = Number(process.env.RECT_WARMUP_FIRST_MS ?? 1000)
const everyMs = Number(process.env.RECT_WARMUP_EVERY_MS ?? 60_000)
warmDocumentsInBackground(app, connection.db, { firstAfterMs, everyMs })
limitHeapGrowth()
await app.listen({ port: config.port, host: config.host })

process.on('SIGTERM', () => {
  void app.close().then(() => connection.close()).then(() => process.exit(0))
})

// What every area of the web pages is built with. A leaf, so that the areas' routes never
// import web/index.ts, which imports them.
import type { Config } from '../config.ts'
import type { Db } from '../db/connect.ts'

export type WebDeps = { db: Db; config: Config }

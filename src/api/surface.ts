// What every surface's routes are written against: the app and the options each surface gets.
// A leaf, so that routes never import app.ts, which imports them.
import type { FastifyInstance } from 'fastify'
import type { Config } from '../config.ts'
import type { Db } from '../db/connect.ts'

export type App = FastifyInstance

export type SurfaceOptions = { db: Db; config: Config }

// Configuration for a command (S-11): every problem printed, exit 2, before anything is opened.
import { loadConfig, type Config, type Env, type ServeFlags } from '../config.ts'
import { usageError } from './errors.ts'

export function configOrExit(flags: ServeFlags, env: Env): Config {
  const result = loadConfig(flags, env)
  if (!result.ok) throw usageError(...result.problems)
  return result.config
}

export type DatabaseFlags = { dataDir?: string }

/** One-shot commands: only the variables that choose the database count; serve's others do not. */
export function commandConfigOrExit(flags: DatabaseFlags, env: Env): Config {
  return configOrExit(flags.dataDir !== undefined ? { dataDir: flags.dataDir } : {}, { DATABASE_URL: env.DATABASE_URL, RECT_MODE: env.RECT_MODE })
}

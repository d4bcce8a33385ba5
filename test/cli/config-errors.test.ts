// S-11, S-12, S-3, S-14, S-15, S-16: configuration is validated before anything is opened; each
// problem is printed to stderr, one per line, and the command exits 2 (3 for unreachable Redis).
import { describe, expect, it } from 'vitest'
import { rect } from './rect.ts'

const PG = { DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/never_opened' }

describe.concurrent('S-11 configuration errors exit 2 with every problem', () => {
  it.each([
    ['S-15: a short RECT_ADMIN_TOKEN', [], { RECT_ADMIN_TOKEN: 'abcdefghijkl' }, 'RECT_ADMIN_TOKEN must be at least 32 characters long (it has 12)'],
    ['S-15: RECT_ADMIN_TOKEN with whitespace', [], { RECT_ADMIN_TOKEN: 'abcdefghijklmnop qrstuvwxyz0123456789' }, 'RECT_ADMIN_TOKEN must not contain whitespace'],
    ['S-3: production without DATABASE_URL', ['--mode', 'production'], {}, 'production mode needs DATABASE_URL (PGlite is for the sandbox)'],
    ['S-3: production with --memory', ['--memory'], { ...PG, RECT_MODE: 'production' }, 'DATABASE_URL cannot be combined with --data-dir or --memory\nproduction mode needs DATABASE_URL (PGlite is for the sandbox)'],
    ['S-14: DATABASE_URL with --data-dir', ['--data-dir', '/tmp/rect-never'], PG, 'DATABASE_URL cannot be combined with --data-dir or --memory'],
    ['S-14: --memory with --data-dir', ['--memory', '--data-dir', '/tmp/rect-never'], {}, '--memory cannot be combined with --data-dir'],
    ['S-1: an unknown mode', ['--mode', 'staging'], {}, "--mode must be sandbox or production (got 'staging')"],
    ['S-13: a port out of range', [], { PORT: '70000' }, "--port must be a whole number from 0 to 65535 (got '70000')"],
  ])('%s', async (_title, args, env, message) => {
    const run = await rect(['serve', ...(args as string[])], env as Record<string, string>)
    expect(run.code).toBe(2)
    expect(run.stderr).toBe(`${message}\n`)
    expect(run.stdout).toBe('')
  })

  it('S-11: every problem at once, one per line', async () => {
    const run = await rect(['serve', '--mode', 'production', '--port', 'x'], { RECT_ADMIN_TOKEN: 'short', LOG_LEVEL: 'loud' })
    expect(run.code).toBe(2)
    expect(run.stderr.trim().split('\n')).toEqual([
      "--port must be a whole number from 0 to 65535 (got 'x')",
      'production mode needs DATABASE_URL (PGlite is for the sandbox)',
      'RECT_ADMIN_TOKEN must be at least 32 characters long (it has 5)',
      "LOG_LEVEL must be one of fatal, error, warn, info, debug, trace, silent (got 'loud')",
    ])
  })

  it('S-11: the flag wins over the environment', async () => {
    const run = await rect(['serve', '--port', 'abc'], { PORT: 'def' })
    expect(run.stderr).toBe("--port must be a whole number from 0 to 65535 (got 'abc')\n")
  })

  it.each([
    ['an unknown flag', ['serve', '--bogus'], "error: unknown option '--bogus'"],
    ['an unknown command', ['frobnicate'], "error: unknown command 'frobnicate'"],
    ['a missing flag value', ['serve', '--port'], "error: option '--port <n>' argument missing"],
    ['an extra argument', ['migrate', 'now'], 'error: too many arguments'],
    ['token create without --lead-provider', ['token', 'create'], "error: required option '--lead-provider <name>' not specified"],
  ])('S-11: %s exits 2 and points at the help', async (_title, args, first) => {
    const run = await rect(args)
    expect(run.code).toBe(2)
    const lines = run.stderr.trim().split('\n')
    expect(lines[0]).toContain(first)
    expect(lines.at(-1)).toBe("run 'rect --help' for usage")
    expect(run.stdout).toBe('')
  })
})

describe.concurrent('S-26, S-27 help and version', () => {
  it('S-27: --version prints 1.0.0 and exits 0', async () => {
    expect(await rect(['--version'])).toEqual({ code: 0, stdout: '1.0.0\n', stderr: '' })
  })

  it('S-26: rect --help lists every command and every environment variable, on stdout, exit 0', async () => {
    const run = await rect(['--help'])
    expect(run.code).toBe(0)
    expect(run.stderr).toBe('')
    for (const command of ['serve', 'migrate', 'token create', 'admin-token']) expect(run.stdout).toMatch(new RegExp(`^  ${command} +\\S`, 'm'))
    for (const name of ['PORT', 'HOST', 'RECT_MODE', 'DATABASE_URL', 'RECT_ADMIN_TOKEN', 'REDIS_URL', 'RECT_RATE_LIMIT_TOKEN', 'RECT_RATE_LIMIT_IP', 'LOG_LEVEL']) {
      expect(run.stdout).toMatch(new RegExp(`^  ${name} +\\S`, 'm'))
    }
  })

  it('S-26: rect serve --help lists each flag with its argument, environment variable and default', async () => {
    const run = await rect(['serve', '--help'])
    expect(run.code).toBe(0)
    const out = run.stdout
    expect(out.startsWith('Usage: rect serve [options]\n\nStart the HTTP server: lead provider API (/api/v3), operator API (/api/admin/v1), docs (/api/docs).\n\nOptions:\n')).toBe(true)
    expect(out).toMatch(/^ {2}--port <n> +port to listen on; 0 picks a free port +\(env PORT, default 3000\)$/m)
    expect(out).toMatch(/^ {2}--host <address> +address to bind +\(env HOST, default 127\.0\.0\.1\)$/m)
    expect(out).toMatch(/^ {2}--mode <mode> +sandbox or production +\(env RECT_MODE, default sandbox\)$/m)
    expect(out).toMatch(/^ {2}--data-dir <path> +PGlite data directory, sandbox only +\(default \.\/\.rect-data\)$/m)
    expect(out).toMatch(/^ {2}--memory +in-memory PGlite, nothing written to disk, sandbox only$/m)
    expect(out).toMatch(/^ {2}--no-seed +sandbox: do not load the seed data set into an empty database$/m)
    expect(out).toMatch(/^ {2}-h, --help +show this help$/m)
    for (const name of ['DATABASE_URL', 'RECT_ADMIN_TOKEN', 'REDIS_URL', 'RECT_RATE_LIMIT_TOKEN', 'RECT_RATE_LIMIT_IP', 'LOG_LEVEL']) {
      expect(out).toMatch(new RegExp(`^  ${name} +\\S`, 'm'))
    }
    expect(out).toMatch(/production/)
  })

  it.each([['migrate'], ['token', 'create'], ['admin-token']])('S-26: rect %s --help names its flags, environment and modes', async (...command) => {
    const run = await rect([...command, '--help'])
    expect(run.code).toBe(0)
    expect(run.stdout.startsWith(`Usage: rect ${command.join(' ')}`)).toBe(true)
    expect(run.stdout).toMatch(/^ {2}--data-dir <path> +.+\(default \.\/\.rect-data\)$/m)
    expect(run.stdout).toMatch(/^ {2}DATABASE_URL +\S/m)
    expect(run.stdout).toMatch(/Works in both modes/)
  })
})

describe('S-16 Redis', () => {
  it('S-16: an unreachable REDIS_URL exits 3 before anything listens', async () => {
    const run = await rect(['serve', '--memory', '--port', '0', '--no-seed'], { REDIS_URL: 'redis://127.0.0.1:1' })
    expect(run.code).toBe(3)
    expect(run.stderr).toBe('cannot reach Redis at redis://127.0.0.1:1\n')
    expect(run.stdout).toBe('')
  })
})

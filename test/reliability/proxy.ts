// a TCP proxy on loopback between the app and PostgreSQL that the check controls.
// `stop()` is PostgreSQL going away: every open connection is reset and new ones are refused.
// `silence()` is a network that stops answering: connections stay open and nothing comes back.
// `slow(ms)` delays every answer by `ms` (in-flight requests for Q-14); `restore()` forwards again
// at full speed (to a fresh server connection per client connection after a stop or silence).
import net from 'node:net'

export type Proxy = {
  port: number
  url: (databaseUrl: string) => string
  stop: () => void
  silence: () => void
  slow: (ms: number) => void
  restore: () => void
  close: () => Promise<void>
}

export async function startProxy(target: { host: string; port: number }): Promise<Proxy> {
  let state: 'open' | 'stopped' | 'silent' = 'open'
  let delayMs = 0
  const pairs = new Set<{ client: net.Socket; server: net.Socket | null }>()

  const server = net.createServer((client) => {
    const pair = { client, server: null as net.Socket | null }
    pairs.add(pair)
    client.on('error', () => {})
    client.on('close', () => {
      pair.server?.destroy()
      pairs.delete(pair)
    })
    if (state === 'stopped') return client.resetAndDestroy()
    if (state === 'silent') return // accepted, never answered
    const upstream = net.connect(target.port, target.host)
    pair.server = upstream
    upstream.on('error', () => client.destroy())
    upstream.on('close', () => client.destroy())
    client.on('data', (chunk) => {
      if (state === 'open') upstream.write(chunk)
    })
    upstream.on('data', (chunk) => {
      if (state !== 'open') return
      if (delayMs === 0) client.write(chunk)
      else setTimeout(() => state === 'open' && !client.destroyed && client.write(chunk), delayMs)
    })
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const port = (server.address() as net.AddressInfo).port

  const dropAll = () => {
    for (const pair of pairs) {
      pair.server?.destroy()
      if (!pair.client.destroyed) pair.client.resetAndDestroy()
    }
    pairs.clear()
  }

  return {
    port,
    url: (databaseUrl) => {
      const u = new URL(databaseUrl)
      u.hostname = '127.0.0.1'
      u.port = String(port)
      return u.toString()
    },
    stop: () => {
      state = 'stopped'
      dropAll()
    },
    silence: () => {
      state = 'silent'
    },
    slow: (ms) => {
      delayMs = ms
    },
    restore: () => {
      // Connections that went silent mid-conversation cannot resume: drop them, as a rebooted
      // network path would, so the pool replaces them.
      if (state === 'silent') dropAll()
      state = 'open'
      delayMs = 0
    },
    close: async () => {
      dropAll()
      await new Promise<void>((resolve) => server.close(() => resolve()))
    },
  }
}

export function targetOf(databaseUrl: string): { host: string; port: number } {
  const u = new URL(databaseUrl)
  return { host: u.hostname || '127.0.0.1', port: Number(u.port || 5432) }
}

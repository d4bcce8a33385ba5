import { describe, expect, it } from 'vitest'
import { setupTestApp } from '../../support/app.ts'

const t = await setupTestApp()

describe('C-71 docs UI', () => {
  it('C-71: GET /api/docs is an HTML page, without authentication', async () => {
    const res = await t.request('GET', '/api/docs')
    expect(res.status).toBe(200)
    expect(res.headers['content-type']).toBe('text/html; charset=utf-8')
    expect(res.text).toContain('<div id="swagger-ui"></div>')
  })

  it('C-71 (decided): every asset the page and its initializer load is served by rect itself', async () => {
    const page = (await t.request('GET', '/api/docs')).text
    const assets = [...page.matchAll(/(?:src|href)="([^"]+)"/g)].map((m) => m[1]!)
    expect(assets.length).toBeGreaterThanOrEqual(4)
    for (const asset of assets) {
      expect(asset).toMatch(/^\/api\/docs\//)
      const res = await t.request('GET', asset)
      expect(res.status, asset).toBe(200)
    }
    const initializer = (await t.request('GET', '/api/docs/static/swagger-initializer.js')).text
    const remote = initializer.split('\n').filter((line) => /https?:\/\//.test(line) && !line.trim().startsWith('//'))
    expect(remote).toEqual([])
    const css = (await t.request('GET', '/api/docs/static/swagger-ui.css')).text
    expect(css).not.toMatch(/url\(\s*["']?https?:/)
  })

  it('C-71: both documents are selectable, the lead provider API first', async () => {
    const initializer = (await t.request('GET', '/api/docs/static/swagger-initializer.js')).text
    const config = JSON.parse(/const config = (\{.*\})\n/.exec(initializer)![1]!)
    expect(config.urls).toEqual([
      { url: '/api/v3/openapi.json', name: 'Lead provider API v3' },
      { url: '/api/admin/v1/openapi.json', name: 'Operator API v1' },
    ])
    expect(config['urls.primaryName']).toBe('Lead provider API v3')
    for (const { url } of config.urls) {
      const res = await t.request('GET', url)
      expect(res.status).toBe(200)
      expect(res.body.openapi).toMatch(/^3\.0\./)
    }
  })

  it('C-71: GET /api/docs/v3 (upstream\'s address) redirects 302 to /api/docs', async () => {
    const res = await t.request('GET', '/api/docs/v3')
    expect(res.status).toBe(302)
    expect(res.headers.location).toBe('/api/docs')
  })

  it('C-69, C-70: the documents need no token and ignore a bad one', async () => {
    for (const url of ['/api/v3/openapi.json', '/api/admin/v1/openapi.json']) {
      expect((await t.request('GET', url, { token: 'nonsense' })).status).toBe(200)
    }
  })
})

// W-27: the web settings' problems exit 2 like every other configuration problem (S-11).
import { describe, expect, it } from 'vitest'
import { rect } from './rect.ts'

describe('W-27 web configuration errors', () => {
  it('W-27: every web problem at once, exit 2', async () => {
    const run = await rect(['serve', '--memory'], {
      RECT_OIDC_ISSUER: 'http://login.example.gov.uk',
      RECT_SESSION_SECRET: 'short',
    })
    expect(run.code).toBe(2)
    expect(run.stderr.trim().split('\n')).toEqual([
      'RECT_OIDC_ISSUER needs RECT_OIDC_CLIENT_ID, RECT_OIDC_CLIENT_SECRET and RECT_PUBLIC_URL',
      'RECT_OIDC_ISSUER must be an https URL (http only for 127.0.0.1, ::1 or localhost)',
      'RECT_SESSION_SECRET must be at least 32 characters long',
    ])
    expect(run.stdout).toBe('')
  })
})

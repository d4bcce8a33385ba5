// W-28: a real OpenID Provider (npm oidc-provider) on 127.0.0.1 at a free port, with one
// confidential client (client_secret_basic, PKCE required) and the accounts the tests sign in as.
// Its development login page takes any password; consent is granted without a screen.
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import Provider, { type Configuration } from 'oidc-provider'

export const CLIENT_ID = 'rect-web'
export const CLIENT_SECRET = 'rect-web-client-secret-for-tests-only'

export type Accounts = Record<string, Record<string, unknown>>

export type TestProvider = { issuer: string; close: () => Promise<void> }

export async function startProvider(rectUrl: string, accounts: Accounts): Promise<TestProvider> {
  const server: Server = createServer()
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  const configuration: Configuration = {
    clients: [
      {
        client_id: CLIENT_ID,
        client_secret: CLIENT_SECRET,
        token_endpoint_auth_method: 'client_secret_basic',
        redirect_uris: [`${rectUrl}/auth/callback`],
        post_logout_redirect_uris: [`${rectUrl}/signed-out`],
        grant_types: ['authorization_code'],
        response_types: ['code'],
      },
    ],
    pkce: { required: () => true },
    claims: {
      openid: ['sub'],
      email: ['email', 'email_verified'],
      profile: ['name'],
      organisation: ['organisation'],
      roles: ['roles'],
    },
    scopes: ['openid', 'email', 'profile', 'organisation', 'roles'],
    features: { devInteractions: { enabled: true }, rpInitiatedLogout: { enabled: true, logoutSource } },
    cookies: { keys: ['test-cookie-key-one-for-the-provider'] },
    findAccount: async (_ctx, id) => {
      const claims = accounts[id]
      if (claims === undefined) return undefined
      return { accountId: id, claims: async () => ({ sub: id, ...claims }) }
    },
    // Consent without a screen: every scope and claim the client asks for is granted.
    loadExistingGrant: async (ctx) => {
      const oidc = ctx.oidc
      const grantId = oidc.result?.consent?.grantId ?? oidc.session!.grantIdFor(oidc.client!.clientId)
      if (grantId) return oidc.provider.Grant.find(grantId)
      const grant = new oidc.provider.Grant({ clientId: oidc.client!.clientId, accountId: oidc.session!.accountId! })
      grant.addOIDCScope(String(oidc.params?.scope ?? 'openid'))
      await grant.save()
      return grant
    },
    ttl: { Session: 3600, Interaction: 600, Grant: 3600, AccessToken: 600, AuthorizationCode: 60, IdToken: 600 },
    renderError: async (ctx, out) => {
      ctx.type = 'html'
      ctx.body = `<!DOCTYPE html><html lang="en"><head><title>error</title></head><body><pre>${JSON.stringify(out)}</pre></body></html>`
    },
  }
  const provider = new Provider(issuer, configuration)
  server.on('request', provider.callback())
  return {
    issuer,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  }
}

/** The logout confirmation without remote fonts (the machine is offline). */
async function logoutSource(ctx: { body: unknown }, form: string): Promise<void> {
  ctx.body = `<!DOCTYPE html><html lang="en"><head><title>Sign out</title></head><body>
    <h1>Do you want to sign out?</h1>${form}
    <button type="submit" form="op.logoutForm" value="yes" name="logout">Yes, sign me out</button>
    <button type="submit" form="op.logoutForm">No, stay signed in</button></body></html>`
}

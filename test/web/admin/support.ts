// Shared steps of the admin page tests: a signed-in admin over app.inject whose every page is
// checked by html-validate (W-114) and never shows C-77's `'#/` (W-7).
import { expect } from 'vitest'
import type { App } from '../../../src/app.ts'
import { htmlProblems } from '../../support/html.ts'
import { webClient, type FormFields, type Page, type WebClient } from '../../support/web.ts'

export type Admin = WebClient & {
  page: (url: string) => Promise<Page>
  submit: (url: string, fields?: FormFields) => Promise<Page>
}

async function valid(page: Page): Promise<Page> {
  if ((page.headers['content-type'] ?? '').toString().startsWith('text/html')) {
    expect(await htmlProblems(page.text), `html-validate: ${page.title}`).toEqual([])
    expect(page.text).not.toContain("'#/")
  }
  return page
}

export async function signedInAdmin(app: App): Promise<Admin> {
  const web = webClient(app)
  await web.follow(await web.signInAsAdmin())
  return Object.assign(web, {
    page: async (url: string) => valid(await web.get(url)),
    submit: async (url: string, fields: FormFields = {}) => {
      await web.get(url.replace(/\/(mark-payable|mark-paid|partnerships|statements)$/, '').replace(/\/sandbox\/(reset|scenarios)$/, '/sandbox'))
      return valid(await web.post(url, fields))
    },
  })
}

export const NOT_FOUND_TITLE = 'Page not found – Register early career teachers – GOV.UK'

// The school journeys in Chromium (W-112): time travel, filling GOV.UK fields by their labels and
// moving on, each page checked (axe, html-validate, screenshot) as it is reached.
import type { Page } from 'playwright-core'
import { expect } from 'vitest'
import { checkPage } from './browser.ts'

/** W-31: the session's date, set through the sandbox's page. */
export async function travelTo(page: Page, date: string, time = '10:00'): Promise<void> {
  const [y, m, d] = date.split('-')
  await page.goto('/time-travel')
  const group = page.getByRole('group', { name: /date/i }).first()
  await group.getByLabel('Day').fill(String(Number(d)))
  await group.getByLabel('Month').fill(String(Number(m)))
  await group.getByLabel('Year').fill(y!)
  await page.getByLabel(/time/i).first().fill(time)
  await page.getByRole('button', { name: 'Set date' }).click()
  await page.waitForURL((url) => !url.pathname.startsWith('/time-travel'))
}

/** A GOV.UK date input found by its legend. */
export async function fillDate(page: Page, legend: string | RegExp, [d, m, y]: [string, string, string]): Promise<void> {
  const group = page.getByRole('group', { name: legend })
  await group.getByLabel('Day').fill(d)
  await group.getByLabel('Month').fill(m)
  await group.getByLabel('Year').fill(y)
}

/** Clicks a button and waits for the next document. */
export async function press(page: Page, name: string | RegExp): Promise<void> {
  const before = page.url()
  await Promise.all([page.waitForEvent('framenavigated'), page.getByRole('button', { name, exact: typeof name === 'string' }).first().click()])
  void before
}

/** W-111: a form submitted empty shows its errors; the error state is checked too. */
export async function emptySubmit(page: Page, journey: string, name: string, button: string | RegExp = 'Continue'): Promise<void> {
  await press(page, button)
  await expect.poll(() => page.locator('.govuk-error-summary').count()).toBe(1)
  await checkPage(page, journey, `${name}-error`)
}

export async function h1(page: Page): Promise<string> {
  return (await page.locator('h1').first().innerText()).replace(/\s+/g, ' ').trim()
}

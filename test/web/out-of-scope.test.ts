// W-120: what the web pages do not build. Each is checked where a user would look for it: the
// pages answer the 404 page, and nothing in the package sends email.
import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { setupTestApp } from '../support/app.ts'
import { newSchool, nextTrn, schoolBrowser, schoolScene } from '../support/school-web.ts'
import { webClient } from '../support/web.ts'

const t = await setupTestApp()
await schoolScene(t)
const API_DATE = '2025-09-10T10:00:00'

describe('W-120 out of scope', () => {
  it('W-120: no email of any kind: no mail or GOV.UK Notify client among the dependencies', () => {
    const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { dependencies: Record<string, string> }
    const mailers = Object.keys(pkg.dependencies).filter((name) => /notify|nodemailer|mail|smtp|sendgrid/i.test(name))
    expect(mailers).toEqual([])
  })

  it("W-120: a school cannot edit a teacher's name, email or working pattern after registration, nor manage users", async () => {
    const school = await newSchool(t)
    const trn = nextTrn()
    const res = await t.admin('POST', `/schools/${school.urn}/ects`, {
      trn, first_name: 'Out', last_name: 'Ofscope', date_of_birth: '1990-01-01', email: `${trn}@scope.example.sch.uk`,
      started_on: '2025-09-01', working_pattern: 'full_time', training_programme: 'school_led',
    }, { date: API_DATE })
    expect(res.status).toBe(201)
    const id = res.body.data.participant_id as string
    const web = await schoolBrowser(t, school.urn)
    const page = await web.get(`/school/ects/${id}`)
    expect(page.status).toBe(200)
    for (const path of [`/school/ects/${id}/edit`, `/school/ects/${id}/name`, `/school/ects/${id}/email-address`, `/school/ects/${id}/working-pattern`, '/school/users']) {
      const answer = await web.get(path)
      expect(answer.status, path).toBe(404)
      expect(answer.h1, path).toBe('Page not found')
    }
    expect(page.text).not.toMatch(/href="[^"]*\/(edit|name|email-address|working-pattern)"/)
  })

  it('W-120: the admin console has no user management, finance or appropriate bodies', async () => {
    const web = webClient(t.app)
    await web.follow(await web.signInAsAdmin())
    for (const path of ['/admin/users', '/admin/finance', '/admin/appropriate-bodies']) {
      const answer = await web.get(path)
      expect(answer.status, path).toBe(404)
      expect(answer.h1, path).toBe('Page not found')
    }
  })
})

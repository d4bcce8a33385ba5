import { describe, expect, it } from 'vitest'
import { BROKEN_JSON, notAnObject, eventsAbout, invalid, itNeedsTheAdminToken, itPagesLikeV3, NOT_FOUND } from '../../../support/admin.ts'
import { setupTestApp } from '../../../support/app.ts'
import { onPostgres } from '../../../support/db.ts'
import { lockCohortWrites } from '../../../../src/domain/cohorts/store.ts'

const t = await setupTestApp()
const at = (date: string) => ({ date })

function cohortJson(id: string, year: string, fields: Record<string, unknown> = {}) {
  return {
    id,
    year,
    starts_on: `${year}-06-01`,
    ends_on: `${Number(year) + 1}-06-01`,
    partnerships_open: true,
    payments_frozen_on: null,
    mentor_funding_enabled: Number(year) >= 2025,
    detailed_evidence_types_enabled: Number(year) >= 2025,
    uplift_fees_enabled: Number(year) <= 2024,
    created_at: '2025-05-02T10:00:00Z',
    updated_at: '2025-05-02T10:00:00Z',
    ...fields,
  }
}

describe('POST /api/admin/v1/cohorts', () => {
  itNeedsTheAdminToken(t, 'POST', '/cohorts', { year: '2040' })

  it('P-10: POST /cohorts applies the defaults and answers 201 with the cohort', async () => {
    const res = await t.admin('POST', '/cohorts', { year: '2026' }, at('2025-05-02T10:00:00.750Z'))
    expect(res.status).toBe(201)
    expect(res.text).toBe(JSON.stringify({ data: cohortJson(res.body.data.id, '2026') }))
    expect(await eventsAbout(t, res.body.data.id)).toEqual([
      { author: 'operator', action: 'cohort.created', subject_type: 'cohort', occurred_at: new Date('2025-05-02T10:00:00.750Z') },
    ])
  })

  it('P-10: defaults follow the year (uplift fees up to 2024, mentor funding from 2025)', async () => {
    const res = await t.admin('POST', '/cohorts', { year: 2022 }, at('2025-05-02T10:00:00Z'))
    expect(res.status).toBe(201)
    expect(res.body).toEqual({ data: cohortJson(res.body.data.id, '2022') })
  })

  it('P-10: every field can be given', async () => {
    const body = {
      year: '2031',
      starts_on: '2031-09-01',
      ends_on: '2032-08-01',
      partnerships_open: false,
      payments_frozen_on: '2033-01-31',
      mentor_funding_enabled: false,
      detailed_evidence_types_enabled: false,
      uplift_fees_enabled: true,
    }
    const res = await t.admin('POST', '/cohorts', body, at('2025-05-02T10:00:00Z'))
    expect(res.status).toBe(201)
    expect(res.body).toEqual({ data: cohortJson(res.body.data.id, '2031', body) })
  })

  it('P-10: a second cohort for the year is a 422', async () => {
    const res = await t.admin('POST', '/cohorts', { year: '2026', starts_on: '2050-06-01', ends_on: '2051-06-01' })
    expect(res.status).toBe(422)
    expect(res.body).toEqual(invalid(['year', 'A cohort for this year already exists.']))
  })

  it('P-10: ends_on must be after starts_on', async () => {
    const same = await t.admin('POST', '/cohorts', { year: '2040', starts_on: '2040-06-01', ends_on: '2040-06-01' })
    expect(same.status).toBe(422)
    expect(same.body).toEqual(invalid(['ends_on', "The '#/ends_on' must be after the '#/starts_on'."]))
    const defaulted = await t.admin('POST', '/cohorts', { year: '2040', ends_on: '2040-05-31' })
    expect(defaulted.body).toEqual(invalid(['ends_on', "The '#/ends_on' must be after the '#/starts_on'."]))
  })

  it('P-10: dates that overlap another cohort name the earliest one, under starts_on', async () => {
    const res = await t.admin('POST', '/cohorts', { year: '2041', starts_on: '2022-12-01', ends_on: '2026-07-01' })
    expect(res.status).toBe(422)
    expect(res.body).toEqual(invalid(['starts_on', 'The dates overlap the 2022 cohort.']))
    // Half-open (C-17): starting on the day another ends is no overlap.
    const touching = await t.admin('POST', '/cohorts', { year: '2027', starts_on: '2027-06-01' })
    expect(touching.status).toBe(201)
  })

  it('C-76, C-77: every failed field at once, in table order, then unrecognised fields', async () => {
    const res = await t.admin('POST', '/cohorts', {
      colour: 'blue',
      uplift_fees_enabled: 'no',
      year: '20x6',
      starts_on: '2025-02-30',
      ends_on: 20260601,
      partnerships_open: 'yes',
      payments_frozen_on: true,
      mentor_funding_enabled: null,
      detailed_evidence_types_enabled: 1,
      size: 3,
    })
    expect(res.status).toBe(422)
    expect(res.body).toEqual(
      invalid(
        ['year', `The '#/year' must be a year such as "2025".`],
        ['starts_on', "The '#/starts_on' must be a date in YYYY-MM-DD format."],
        ['ends_on', "The '#/ends_on' must be a date in YYYY-MM-DD format."],
        ['partnerships_open', "The '#/partnerships_open' must be true or false."],
        ['payments_frozen_on', "The '#/payments_frozen_on' must be a date in YYYY-MM-DD format."],
        ['mentor_funding_enabled', "The '#/mentor_funding_enabled' must be true or false."],
        ['detailed_evidence_types_enabled', "The '#/detailed_evidence_types_enabled' must be true or false."],
        ['uplift_fees_enabled', "The '#/uplift_fees_enabled' must be true or false."],
        ['colour', "The '#/colour' is not a recognised field."],
        ['size', "The '#/size' is not a recognised field."],
      ),
    )
  })

  it('C-77: a missing or blank year is "Enter"; one outside 2020 … 2099 is the format text', async () => {
    for (const body of [{}, { year: null }, { year: '  ' }]) {
      const res = await t.admin('POST', '/cohorts', body)
      expect(res.status).toBe(422)
      expect(res.body).toEqual(invalid(['year', "Enter a '#/year'."]))
    }
    const noBody = await t.admin('POST', '/cohorts')
    expect(noBody.status).toBe(422)
    expect(noBody.body).toEqual(invalid(['year', "Enter a '#/year'."]))
    for (const year of ['2019', 2100, '25']) {
      const res = await t.admin('POST', '/cohorts', { year })
      expect(res.body).toEqual(invalid(['year', `The '#/year' must be a year such as "2025".`]))
    }
  })

  it('C-76: with a bad year, explicit dates are still compared', async () => {
    const res = await t.admin('POST', '/cohorts', { year: 'x', starts_on: '2045-06-01', ends_on: '2045-01-01' })
    expect(res.body).toEqual(
      invalid(['year', `The '#/year' must be a year such as "2025".`], ['ends_on', "The '#/ends_on' must be after the '#/starts_on'."]),
    )
  })

  it('C-73: a body that is not a JSON object, or malformed JSON, is the 400', async () => {
    for (const [body, kind] of [[[{ year: '2045' }], 'an array'], ['x', 'a string'], [null, 'null'], [2045, 'a number']]) {
      const res = await t.admin('POST', '/cohorts', body)
      expect(res.status).toBe(400)
      expect(res.body).toEqual(notAnObject(kind as string))
    }
    const broken = await t.request('POST', '/api/admin/v1/cohorts', { token: t.adminToken, payload: '{"year":', headers: { 'content-type': 'application/json' } })
    expect(broken.status).toBe(400)
    expect(broken.body).toEqual(BROKEN_JSON)
  })

  it.runIf(onPostgres)('Q-10: concurrent creations of one year give one 201 and 422s', async () => {
    const answers = await Promise.all(Array.from({ length: 6 }, () => t.admin('POST', '/cohorts', { year: '2060' })))
    expect(answers.map((a) => a.status).sort()).toEqual([201, 422, 422, 422, 422, 422])
    for (const a of answers.filter((x) => x.status === 422)) expect(a.body).toEqual(invalid(['year', 'A cohort for this year already exists.']))
  })

  // Overlapping inserts wait on each other's rows in the exclusion constraint: PostgreSQL broke
  // such deadlocks one a second, and with several at once a request ran out of retries (500).
  it.runIf(onPostgres)('Q-10: concurrent overlapping creations give one 201 and the overlap 422, every time', async () => {
    for (const round of [0, 1, 2]) {
      const bodies = [1, 2, 3, 4, 5, 6].map((n) => ({ year: `20${61 + round * 6 + n}`, starts_on: `20${80 + round}-01-01`, ends_on: `20${80 + round}-12-01` }))
      const answers = await Promise.all(bodies.map((b) => t.admin('POST', '/cohorts', b)))
      const winner = answers.findIndex((a) => a.status === 201)
      expect(answers.map((a) => a.status).sort()).toEqual([201, 422, 422, 422, 422, 422])
      for (const a of answers.filter((x) => x.status !== 201)) {
        expect(a.body).toEqual(invalid(['starts_on', `The dates overlap the ${bodies[winner]!.year} cohort.`]))
      }
    }
  })
})

describe('GET /api/admin/v1/cohorts', () => {
  itNeedsTheAdminToken(t, 'GET', '/cohorts')
  itPagesLikeV3(t, '/cohorts')

  it('P-9: every cohort, ordered by year, paged', async () => {
    const res = await t.admin('GET', '/cohorts')
    expect(res.status).toBe(200)
    const years = res.body.data.map((c: { year: string }) => c.year)
    expect(years.slice(0, 4)).toEqual(['2022', '2026', '2027', '2031'])
    expect(years).toEqual([...years].sort())
    const second = await t.admin('GET', '/cohorts?page[per_page]=1&page[page]=2')
    expect(second.body.data.map((c: { year: string }) => c.year)).toEqual(['2026'])
    expect(second.body.data[0]).toEqual(cohortJson(second.body.data[0].id, '2026'))
  })
})

describe('PATCH /api/admin/v1/cohorts/{year}', () => {
  itNeedsTheAdminToken(t, 'PATCH', '/cohorts/2026', { partnerships_open: false })

  it('P-11: changes the fields given, keeps the others, moves updated_at', async () => {
    const res = await t.admin('PATCH', '/cohorts/2026', { partnerships_open: false, payments_frozen_on: '2027-07-31' }, at('2025-08-01T12:30:00Z'))
    expect(res.status).toBe(200)
    expect(res.text).toBe(
      JSON.stringify({
        data: cohortJson(res.body.data.id, '2026', { partnerships_open: false, payments_frozen_on: '2027-07-31', updated_at: '2025-08-01T12:30:00Z' }),
      }),
    )
    const cleared = await t.admin('PATCH', '/cohorts/2026', { payments_frozen_on: null }, at('2025-08-02T12:30:00Z'))
    expect(cleared.body.data.payments_frozen_on).toBeNull()
    expect(cleared.body.data.updated_at).toBe('2025-08-02T12:30:00Z')
    expect((await eventsAbout(t, res.body.data.id)).map((e) => e.action)).toEqual(['cohort.created', 'cohort.updated', 'cohort.updated'])
  })

  it('P-11: an equal year is ignored; a different one cannot be changed', async () => {
    const same = await t.admin('PATCH', '/cohorts/2026', { year: 2026, partnerships_open: true })
    expect(same.status).toBe(200)
    expect(same.body.data.partnerships_open).toBe(true)
    const other = await t.admin('PATCH', '/cohorts/2026', { year: '2028', partnerships_open: 'no' })
    expect(other.status).toBe(422)
    expect(other.body).toEqual(invalid(['year', "The '#/year' cannot be changed."], ['partnerships_open', "The '#/partnerships_open' must be true or false."]))
  })

  it.runIf(onPostgres)('Q-10: a cohort write waits while another transaction holds the cohort writes lock', async () => {
    let release: () => void = () => {}
    const held = new Promise<void>((resolve) => (release = resolve))
    let locked: () => void = () => {}
    const taken = new Promise<void>((resolve) => (locked = resolve))
    const holder = t.db.transaction().execute(async (tx) => {
      await lockCohortWrites(tx)
      locked()
      await held
    })
    await taken
    let answered = false
    const created = t.admin('POST', '/cohorts', { year: '2089', starts_on: '2089-01-01', ends_on: '2089-06-01' }).then((res) => ((answered = true), res))
    const changed = t.admin('PATCH', '/cohorts/2026', { partnerships_open: true }).then((res) => ((answered = true), res))
    try {
      await new Promise((resolve) => setTimeout(resolve, 300))
      expect(answered).toBe(false)
    } finally {
      release()
      await holder
    }
    expect((await created).status).toBe(201)
    expect((await changed).status).toBe(200)
  })

  it.runIf(onPostgres)('Q-10: concurrent changes of several cohorts to overlapping dates give one 200 and the overlap 422', async () => {
    const years = [91, 92, 93, 94, 95, 96].map((n) => 2000 + n)
    for (const year of years) expect((await t.admin('POST', '/cohorts', { year: String(year), starts_on: `${year}-01-01`, ends_on: `${year}-06-01` })).status).toBe(201)
    const answers = await Promise.all(years.map((year) => t.admin('PATCH', `/cohorts/${year}`, { starts_on: '2098-01-01', ends_on: '2098-12-01' })))
    const winner = years[answers.findIndex((a) => a.status === 200)]
    expect(answers.map((a) => a.status).sort()).toEqual([200, 422, 422, 422, 422, 422])
    for (const a of answers.filter((x) => x.status !== 200)) expect(a.body).toEqual(invalid(['starts_on', `The dates overlap the ${winner} cohort.`]))
  })

  it('P-11: date checks apply to the resulting dates', async () => {
    const before = await t.admin('PATCH', '/cohorts/2026', { ends_on: '2026-06-01' })
    expect(before.body).toEqual(invalid(['ends_on', "The '#/ends_on' must be after the '#/starts_on'."]))
    const overlap = await t.admin('PATCH', '/cohorts/2026', { ends_on: '2027-06-02' })
    expect(overlap.body).toEqual(invalid(['starts_on', 'The dates overlap the 2027 cohort.']))
    const moved = await t.admin('PATCH', '/cohorts/2026', { starts_on: '2026-09-01' })
    expect(moved.status).toBe(200)
    expect([moved.body.data.starts_on, moved.body.data.ends_on]).toEqual(['2026-09-01', '2027-06-01'])
  })

  it('C-77: null for a field that cannot be cleared is its format problem', async () => {
    const res = await t.admin('PATCH', '/cohorts/2026', { starts_on: null, uplift_fees_enabled: null, colour: 1 })
    expect(res.body).toEqual(
      invalid(
        ['starts_on', "The '#/starts_on' must be a date in YYYY-MM-DD format."],
        ['uplift_fees_enabled', "The '#/uplift_fees_enabled' must be true or false."],
        ['colour', "The '#/colour' is not a recognised field."],
      ),
    )
  })

  it('C-78: an unknown year is a 404 before the body is looked at', async () => {
    for (const path of ['/cohorts/2099', '/cohorts/abcd', '/cohorts/20260']) {
      for (const body of [{ colour: 1 }, [1], { year: '2030' }]) {
        const res = await t.admin('PATCH', path, body)
        expect(res.status).toBe(404)
        expect(res.body).toEqual(NOT_FOUND)
      }
    }
  })

  it('C-73: a body that is not an object is the 400 once the cohort is found', async () => {
    const res = await t.admin('PATCH', '/cohorts/2026', [1])
    expect(res.status).toBe(400)
    expect(res.body).toEqual(notAnObject('an array'))
  })
})

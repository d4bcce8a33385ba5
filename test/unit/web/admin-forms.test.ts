// The admin forms' bodies (W-17) and their web texts (W-7), without a database.
import { describe, expect, it } from 'vitest'
import { readFields } from '../../../src/api/common/fields.ts'
import { leadProviderFields } from '../../../src/api/admin/v1/lead-providers/schemas.ts'
import { schoolFields } from '../../../src/api/admin/v1/schools/schemas.ts'
import { resetFields } from '../../../src/api/admin/v1/sandbox/schemas.ts'
import { pairingFields } from '../../../src/api/admin/v1/lead-provider-delivery-partners/schemas.ts'
import { formValue } from '../../../src/web/admin/form-errors.ts'
import { ErrorCollector, type FieldSpec } from '../../../src/web/forms/errors.ts'
import { NAME_TEXTS, PAIRING_TEXTS, RESET_TEXTS, SCHOOL_TEXTS, cohortBody, nameBody, pairingBody, readTrn, resetBody, scenarioBody, schoolBody, tokenBody } from '../../../src/web/admin/forms.ts'

const errorsOf = (body: Record<string, unknown>, table: Parameters<typeof readFields>[1], texts: FieldSpec[], _first: string) =>
  new ErrorCollector(texts).addProblems(readFields(body, table).problems.list()).result().list.map((e) => [e.href.slice(1), e.text])
const webText = (detail: string, texts: FieldSpec[]) => new ErrorCollector(texts).addProblems([{ attribute: texts[0]!.id, detail }]).result().list[0]!.text

describe('admin forms', () => {
  it('W-7: generic texts are replaced by the field\'s web text; other details are verbatim', () => {
    expect(webText("Enter a '#/name'.", NAME_TEXTS)).toBe('Enter a name')
    expect(webText("The '#/name' must be 255 characters or fewer.", NAME_TEXTS)).toBe('Name must be 255 characters or fewer')
    expect(webText('A lead provider with this name already exists.', NAME_TEXTS)).toBe('A lead provider with this name already exists.')
  })

  it('W-83: a blank or long name gets its web text, never \'#/', () => {
    expect(errorsOf(nameBody({ name: '  ' }), leadProviderFields, NAME_TEXTS, 'name')).toEqual([['name', 'Enter a name']])
    expect(errorsOf(nameBody({ name: 'x'.repeat(256) }), leadProviderFields, NAME_TEXTS, 'name')).toEqual([['name', 'Name must be 255 characters or fewer']])
    expect(errorsOf(nameBody({ name: ['first', 'Last one'] }), leadProviderFields, NAME_TEXTS, 'name')).toEqual([])
    expect(nameBody({ name: ['first', 'Last one'] })).toEqual({ name: 'Last one' })
  })

  it('W-86: blank or malformed pairing choices ask to select, in page order', () => {
    expect(errorsOf(pairingBody({}, { cohort: 2025 }), pairingFields, PAIRING_TEXTS, 'lead_provider_id')).toEqual([
      ['lead_provider_id', 'Select a lead provider'],
      ['delivery_partner_id', 'Select a delivery partner'],
    ])
    expect(errorsOf(pairingBody({ lead_provider_id: 'nope', delivery_partner_id: 'x', cohort: 'abc' }), pairingFields, PAIRING_TEXTS, 'cohort')).toEqual([
      ['cohort', 'Select a cohort'],
      ['lead_provider_id', 'Select a lead provider'],
      ['delivery_partner_id', 'Select a delivery partner'],
    ])
  })

  it('W-87: a school form sends P-21\'s body; blanks clear optional fields, checkboxes are booleans', () => {
    expect(schoolBody({ urn: ' 142857 ', name: 'Oak', local_authority: '', eligible: 'no', contact_email: 'a@b.co', sparsity_uplift: 'true', establishment_status: 'open' }, { edit: false })).toEqual({
      urn: '142857', name: 'Oak', local_authority: null, establishment_type: null, establishment_status: 'open', eligible: false, contact_email: 'a@b.co', pupil_premium_uplift: false, sparsity_uplift: true,
    })
    expect(errorsOf(schoolBody({ urn: '12', name: '', eligible: 'maybe', contact_email: 'not-an-email', establishment_status: 'shut' }, { edit: false }), schoolFields, SCHOOL_TEXTS, 'urn')).toEqual([
      ['urn', 'URN must be 6 digits'],
      ['name', 'Enter a name'],
      ['establishment_status', 'Select an establishment status'],
      ['eligible', 'Select yes if the school is eligible for funded training'],
      ['contact_email', 'Enter an email address in the correct format, like name@example.com'],
    ])
    expect(schoolBody({ name: 'Oak' }, { edit: true })).not.toHaveProperty('urn')
  })

  it('W-81: a cohort form sends the year, the dates read, the radios and every flag', () => {
    expect(cohortBody({ year: ' 2027 ', partnerships_open: 'no', mentor_funding_enabled: 'true' }, { starts_on: '2027-06-01' }, { edit: false })).toEqual({
      year: '2027', starts_on: '2027-06-01', partnerships_open: false, mentor_funding_enabled: true, detailed_evidence_types_enabled: false, uplift_fees_enabled: false,
    })
    expect(cohortBody({}, {}, { edit: true, payments_frozen_on: null })).toEqual({ payments_frozen_on: null, mentor_funding_enabled: false, detailed_evidence_types_enabled: false, uplift_fees_enabled: false })
  })

  it('W-85: a blank description is left out', () => {
    expect(tokenBody({ description: '  ' })).toEqual({})
    expect(tokenBody({ description: ' CI ' })).toEqual({ description: 'CI' })
  })

  it('W-91: a TRN with spaces removed, or its error', () => {
    expect(readTrn(' 123 4567 ')).toEqual({ trn: '1234567' })
    expect(readTrn('')).toEqual({ error: 'Enter a teacher reference number (TRN)' })
    expect(readTrn('12345')).toEqual({ error: 'Teacher reference number must be 7 digits' })
  })

  it('W-92: a seed that is not a whole number from 0 to 2147483647 gets its web text', () => {
    expect(resetBody({ seed: '7', empty: 'true' })).toEqual({ seed: 7, empty: true })
    expect(resetBody({})).toEqual({ empty: false })
    for (const seed of ['-1', '1.5', 'abc', '2147483648']) {
      expect(errorsOf(resetBody({ seed }), resetFields, RESET_TEXTS, 'seed')).toEqual([['seed', 'Seed must be a whole number from 0 to 2147483647']])
    }
  })

  it('W-93: "Default" lead providers are left out', () => {
    expect(scenarioBody({ scenario: 'eoi-school', lead_provider_id: 'default', other_lead_provider_id: '' })).toEqual({ scenario: 'eoi-school' })
  })

  it('W-6: a repeated field counts by its last value; absent is empty', () => {
    expect(formValue({ a: ['1', '2'] }, 'a')).toBe('2')
    expect(formValue({}, 'a')).toBe('')
    expect(formValue(null, 'a')).toBe('')
  })
})

import { describe, expect, it } from 'vitest'
import { ErrorCollector, type FieldSpec } from '../../../src/web/forms/errors.ts'

const FIELDS: FieldSpec[] = [
  { id: 'trn', blank: 'Enter the teacher reference number (TRN)', invalid: 'Teacher reference number must be 7 digits' },
  { id: 'date_of_birth', blank: "Enter the ECT's date of birth" },
  { id: 'started_on', attributes: ['started_on', 'cohort'], blank: 'Enter the date', invalid: 'Start date must be a real date' },
  { id: 'name', blank: 'Enter a name', tooLong: 'Name must be 255 characters or fewer', invalid: 'Name is not valid' },
]

describe('W-7 errors on a page', () => {
  it("W-7: C-77's generic texts are replaced by the field's web text", () => {
    const errors = new ErrorCollector(FIELDS)
      .addProblems([
        { attribute: 'name', detail: "The '#/name' must be 255 characters or fewer." },
        { attribute: 'trn', detail: "Enter a '#/trn'." },
        { attribute: 'started_on', detail: "The '#/started_on' you have entered is invalid." },
      ])
      .result()
    expect(errors.fields).toEqual({
      trn: { text: 'Enter the teacher reference number (TRN)' },
      started_on: { text: 'Start date must be a real date' },
      name: { text: 'Name must be 255 characters or fewer' },
    })
    // In page order, whatever order the command found them in.
    expect(errors.list).toEqual([
      { text: 'Enter the teacher reference number (TRN)', href: '#trn' },
      { text: 'Start date must be a real date', href: '#started_on' },
      { text: 'Name must be 255 characters or fewer', href: '#name' },
    ])
  })

  it('W-7: any other domain detail is shown verbatim, on the field owning its attribute', () => {
    const errors = new ErrorCollector(FIELDS)
      .addProblems([{ attribute: 'cohort', detail: 'Payments for the 2024 cohort are frozen' }])
      .result()
    expect(errors.fields).toEqual({ started_on: { text: 'Payments for the 2024 cohort are frozen' } })
  })

  it('W-7: a problem with no field on the page is in the summary only, linking to the first field', () => {
    const errors = new ErrorCollector(FIELDS)
      .addProblems([{ attribute: 'participant_id', detail: 'Jo Bloggs has left your school' }])
      .result()
    expect(errors).toEqual({ list: [{ text: 'Jo Bloggs has left your school', href: '#trn' }], fields: {} })
  })

  it("W-7: a date input's summary link goes to its first part in error; the first error per field wins", () => {
    const errors = new ErrorCollector(FIELDS)
      .add('date_of_birth', 'Date of birth must include a month and year', ['month', 'year'])
      .add('date_of_birth', 'ignored')
      .result()
    expect(errors.list).toEqual([{ text: 'Date of birth must include a month and year', href: '#date_of_birth-month' }])
  })

  it("W-7: no text ever contains '#/", () => {
    const errors = new ErrorCollector([{ id: 'x' }])
      .addProblems([
        { attribute: 'x', detail: "The '#/x_y' must be a date." },
        { attribute: 'unknown_field', detail: "The '#/unknown_field' is not a recognised field." },
      ])
      .result()
    expect(JSON.stringify(errors)).not.toContain("'#/")
  })
})

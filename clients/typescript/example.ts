// The README's sandbox walkthrough through the typed client, as Ambition Institute on a seed-1
// sandbox (seeded from 2026-12-01 to 2027-07-30). Run it against `npm start`:
//   RECT_URL=http://127.0.0.1:3000 RECT_TOKEN=sbx_ambition-institute_… npx tsx clients/typescript/example.ts
import { pathToFileURL } from 'node:url'
import { createClient, type Declaration, type Participant, type Partnership, type School } from './index.ts'

const SCHOOL = 'bee9f094-ce91-4e69-a5c4-63abd1fde13a'
const DELIVERY_PARTNER = 'e276cddc-5c06-4fbc-92b7-1c742af71038'
const EOI_ECT = 'a435f2ed-7832-416a-ad73-315d7e51b386'
const LEAVING_ECT = '37b4cb60-a882-4750-83b5-4b075670bf84'
const NEW_ECT = 'fa9df3cb-8a2b-4a82-822f-fbb20e4b4dcd'
const JOINING_ECT = '7a8d61be-7b51-4461-9b9e-bf8c0e02a503'

export type Walkthrough = {
  school: School
  partnership: Partnership
  participant: Participant
  transferToday: string
  declaration: Declaration
  transferNextYear: string
  joiningNextYear: string
}

function must<T>(answer: { data?: T; error?: unknown; response: Response }, step: string): T {
  if (answer.data === undefined) throw new Error(`${step}: ${answer.response.status} ${JSON.stringify(answer.error)}`)
  return answer.data
}

export async function walkthrough(baseUrl: string, token: string, log: (line: string) => void = () => {}): Promise<Walkthrough> {
  const rect = createClient({ baseUrl, token })

  // 1. A school with an expression of interest and no partnership yet.
  const schools = must(await rect.GET('/api/v3/schools', { params: { query: { filter: { cohort: '2026' }, page: { per_page: 100 } } } }), 'schools')
  const school = schools.data.find((s) => s.id === SCHOOL && s.attributes.expression_of_interest && !s.attributes.in_partnership)
  if (!school) throw new Error('step 1: the school with an expression of interest is not in the list')
  log(`1. ${school.attributes.name}: expression_of_interest true, in_partnership false`)

  // 2. A partnership with it, with one of your delivery partners.
  const created = must(await rect.POST('/api/v3/partnerships', {
    body: { data: { type: 'partnership', attributes: { cohort: '2026', school_id: SCHOOL, delivery_partner_id: DELIVERY_PARTNER } } },
  }), 'partnership')
  log(`2. partnership ${created.data.id} with ${created.data.attributes.delivery_partner_name}`)

  // 3. The school's ECT is now one of your participants.
  const participant = must(await rect.GET('/api/v3/participants/{id}', { params: { path: { id: EOI_ECT } } }), 'participant').data
  log(`3. participant ${participant.attributes.full_name}`)

  // 4. A transfer still under way.
  const transfers = must(await rect.GET('/api/v3/participants/{id}/transfers', { params: { path: { id: LEAVING_ECT } } }), 'transfers').data
  const transferToday = transfers.attributes.transfers[0]!.status
  log(`4. transfer ${transfers.attributes.transfers[0]!.transfer_type}, ${transferToday}`)

  // 5. A started declaration.
  const declaration = must(await rect.POST('/api/v3/participant-declarations', {
    body: {
      data: {
        type: 'participant-declaration',
        attributes: { participant_id: NEW_ECT, declaration_type: 'started', declaration_date: '2026-10-01T09:00:00Z', course_identifier: 'ecf-induction', evidence_held: 'training-event-attended' },
      },
    },
  }), 'declaration').data
  log(`5. declaration ${declaration.attributes.declaration_type}: ${declaration.attributes.state}`)

  // 6. A year ahead, for these requests only.
  const later = createClient({ baseUrl, token, serverDate: '2027-12-01' })
  const transferNextYear = must(await later.GET('/api/v3/participants/{id}/transfers', { params: { path: { id: LEAVING_ECT } } }), 'transfer later').data.attributes.transfers[0]!.status
  const joining = must(await later.GET('/api/v3/participants/{id}', { params: { path: { id: JOINING_ECT } } }), 'joining later').data
  const joiningNextYear = joining.attributes.ecf_enrolments[0]!.participant_status
  log(`6. on 2027-12-01: transfer ${transferNextYear}, joining ECT ${joiningNextYear}`)

  return { school, partnership: created.data, participant, transferToday, declaration, transferNextYear, joiningNextYear }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const { RECT_URL = 'http://127.0.0.1:3000', RECT_TOKEN } = process.env
  if (!RECT_TOKEN) {
    console.error('set RECT_TOKEN to the Ambition Institute token that `npm start` prints')
    process.exit(2)
  }
  await walkthrough(RECT_URL, RECT_TOKEN, console.log)
}

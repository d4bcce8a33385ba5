// W-93: each scenario's radio hint, what it creates (S-52's table, in words).
export const SCENARIO_HINTS: Record<string, string> = {
  'eoi-school': 'A school and an ECT registered provider-led with the lead provider 30 days ago, without a partnership',
  'partnered-school-with-participants': 'A school partnered with the lead provider, with two ECTs and their mentor from 30 days ago',
  'partnered-school-without-participants': 'A school partnered with the lead provider, with nobody registered',
  'carry-forward': "A school partnered last cohort, an ECT from then, and a new ECT whose registration carries the partnership forward",
  'multiple-providers-one-school': 'A school partnered with two lead providers, an ECT with each, and a mentor trained by the other lead provider',
  'school-led-school': 'A school with two school-led ECTs',
  'transfer-new-school': 'Two schools partnered with the lead provider; an ECT moves from one to the other',
  'transfer-new-provider': 'An ECT moves from a school partnered with the lead provider to one partnered with the other',
  'transfer-unknown-destination': 'A partnered school whose ECT left 10 days ago, destination unknown',
  'transfer-overlap-corrected': "An ECT reported leaving later than their start at the next school, so the leaving date is corrected",
  'transfer-to-school-led': 'An ECT moves from a partnered school to school-led training at another school',
  'withdrawn-participant': 'A partnered school with an ECT the lead provider withdrew yesterday',
  'deferred-participant': 'A partnered school with an ECT the lead provider deferred yesterday',
  'joining-participant': 'A partnered school with an ECT registered today to start in 14 days',
  declarations: "Last cohort's partnered school, with two ECTs and a mentor, and declarations on the lead provider's next statement",
}

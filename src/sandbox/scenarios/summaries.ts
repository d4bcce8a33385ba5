// One line per named scenario (S-52), for `rect seed --help` and the docs: what it sets up.
// Keys in the catalogue's order (a test holds them equal). LP is the scenario's lead provider, "other LP" the second one (S-51); d is today.
export const SCENARIO_SUMMARIES: Record<string, string> = {
  'eoi-school': 'a school with an ECT registered with LP and no partnership: an expression of interest',
  'partnered-school-with-participants': 'a school partnered with LP, with two ECTs and their mentor training',
  'partnered-school-without-participants': 'a school partnered with LP, with nobody registered',
  'carry-forward': 'partnerships with LP in the previous and current cohort, the second carried forward',
  'multiple-providers-one-school': 'one school partnered with LP and other LP, an ECT with each and a shared mentor',
  'school-led-school': 'a school with two school-led ECTs, so no lead provider sees them',
  'transfer-new-school': 'an ECT leaving one of LP\'s schools for another of its schools (new_school)',
  'transfer-new-provider': 'an ECT moving from LP\'s school to other LP\'s school (new_provider)',
  'transfer-unknown-destination': 'an ECT leaving LP\'s school with no new school yet (unknown destination)',
  'transfer-overlap-corrected': 'a move whose leaving date is corrected to the joining date at the new school',
  'transfer-to-school-led': 'an ECT moving from LP\'s school to a school-led school',
  'withdrawn-participant': 'an ECT withdrawn by LP yesterday',
  'deferred-participant': 'an ECT deferred by LP yesterday',
  'joining-participant': 'an ECT registered today to start in 14 days',
  declarations: 'previous-cohort participants with declarations on LP\'s next statement, one voided',
}

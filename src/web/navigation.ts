// W-4: the service navigation of each kind of user. The active link is the one whose path is the
// longest prefix of the page's path (a page may name another with `activeNav`, e.g. a journey
// started from the ECT list keeps "ECTs" active).
import type { Mode } from '../config.ts'
import type { WebUser } from './plugins/user.ts'

export type NavItem = { href: string; text: string; active?: boolean }

const SCHOOL: NavItem[] = [
  { href: '/school', text: 'Home' },
  { href: '/school/ects', text: 'ECTs' },
  { href: '/school/mentors', text: 'Mentors' },
  { href: '/school/induction-tutor', text: 'Induction tutor' },
]

const ADMIN: NavItem[] = [
  { href: '/admin/schools', text: 'Schools' },
  { href: '/admin/teachers', text: 'Teachers' },
  { href: '/admin/cohorts', text: 'Cohorts' },
  { href: '/admin/lead-providers', text: 'Lead providers' },
  { href: '/admin/delivery-partners', text: 'Delivery partners' },
  { href: '/admin/statements', text: 'Statements' },
]

const SANDBOX_TOOLS: NavItem = { href: '/admin/sandbox', text: 'Sandbox' }

/** The links for a user (Sign out is a form the layout adds), the active one marked. */
export function navigationFor(user: WebUser | null, mode: Mode, path: string): NavItem[] {
  if (user === null) return []
  const items = user.kind === 'school' ? SCHOOL : mode === 'sandbox' ? [...ADMIN, SANDBOX_TOOLS] : ADMIN
  const matches = (href: string) => path === href || path.startsWith(`${href}/`)
  const active = items.filter((i) => matches(i.href)).sort((a, b) => b.href.length - a.href.length)[0]
  return items.map((item) => (item === active ? { ...item, active: true } : { ...item }))
}

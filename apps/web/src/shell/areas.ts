// Which work areas the navigation offers a person: pure, so it is tested without a browser.
// Every signed-in user is an applicant; each granted role adds its own area. The server still
// checks every request: hiding a menu entry is convenience, not access control.
import type { Grant, Role } from '@lvping/domain/access/roles.ts';
import type { MessageKey } from '../i18n/zh-CN.ts';

export type AreaKey = 'my' | 'admin' | 'organizer' | 'recommender' | 'expert' | 'committee' | 'review' | 'match' | 'meetings';

export type Area = {
  key: AreaKey;
  path: string;
  label: MessageKey;
  /** The role that opens the area; null means every signed-in user. */
  role: Exclude<Role, 'applicant'> | null;
  /** Other roles that also open it (供需对接 is the investor's, the bank's, the buyer's and the catalog organizer's). */
  alsoFor?: readonly Exclude<Role, 'applicant'>[];
};

/** In menu order: one's own applications first, then the work one was granted. */
export const areas: readonly Area[] = [
  { key: 'my', path: '/my/applications', label: 'nav.myApplications', role: null },
  { key: 'admin', path: '/admin', label: 'nav.admin', role: 'platform_admin' },
  // A program creator (platform-wide) starts programs here before it organizes any.
  { key: 'organizer', path: '/organizer', label: 'nav.organizer', role: 'organizer', alsoFor: ['program_creator'] },
  { key: 'review', path: '/review', label: 'nav.review', role: 'review_institution' },
  { key: 'recommender', path: '/recommender', label: 'nav.recommender', role: 'recommender' },
  { key: 'expert', path: '/expert', label: 'nav.expert', role: 'expert' },
  { key: 'committee', path: '/committee', label: 'nav.committee', role: 'committee' },
  { key: 'match', path: '/match', label: 'nav.match', role: 'investor', alsoFor: ['bank', 'buyer', 'catalog_organizer'] },
  // 对接会 and deals. Technology owners hold no role: they arrive by their invitation's link (the pages need only a sign-in).
  { key: 'meetings', path: '/meetings', label: 'nav.meetings', role: 'catalog_organizer', alsoFor: ['investor', 'bank', 'buyer', 'service_provider'] },
];

const opens = (a: Area, role: Role) => a.role === role || !!a.alsoFor?.includes(role as Exclude<Role, 'applicant'>);

type Who = { grants: readonly Grant[] } | null;

/** The areas shown in the menu: only those the person holds a grant for (on any program). */
export function areasFor(user: Who): Area[] {
  if (!user) return [];
  const held = new Set(user.grants.map((g) => g.role));
  return areas.filter((a) => a.role === null || [...held].some((r) => opens(a, r)));
}

/**
 * Whether the person may open an area by URL. A platform admin may enter every area (they may do
 * everything), though the menu shows them only their own, to keep it short.
 */
export function mayEnter(user: Who, area: Area): boolean {
  if (!user) return false;
  if (area.role === null) return true;
  return user.grants.some((g) => opens(area, g.role) || g.role === 'platform_admin');
}

/**
 * Where a sign-in lands when it was asked for by no particular page: the work one was granted
 * (the platform admin's console, the organizer's programs, the recommending unit's candidates,
 * the expert's assignments…), in menu order; an applicant's own applications otherwise.
 */
export function landingPath(user: Who): string {
  const shown = areasFor(user);
  return (shown.find((a) => a.key !== 'my') ?? shown[0])?.path ?? '/';
}

export function areaByKey(key: AreaKey): Area {
  const area = areas.find((a) => a.key === key);
  if (!area) throw new Error(`unknown area ${key}`);
  return area;
}

/** The menu entry to highlight for a URL path (the longest matching area path). */
export function selectedMenuKey(pathname: string, shown: readonly Area[]): string {
  const hit = shown
    .filter((a) => pathname === a.path || pathname.startsWith(`${a.path}/`))
    .sort((a, b) => b.path.length - a.path.length)[0];
  if (hit) return hit.key;
  if (pathname === '/') return 'home';
  // The public catalog and needs pages are menu entries of their own, not areas.
  return /^\/(catalog|needs)(\/|$)/.exec(pathname)?.[1] ?? '';
}

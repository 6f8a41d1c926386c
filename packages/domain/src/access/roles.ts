// Who may do what: the one place that decides. Services ask `can` before they act.
// Roles are granted per program, and some per track; "applicant" is what every
// signed-in user is without any grant.

export const roles = [
  'platform_admin', 'organizer', 'review_institution', 'recommender', 'expert', 'committee', 'applicant',
  // 对接 (matchmaking), platform-wide: the catalog's organizer and the other side of the market.
  'catalog_organizer', 'investor', 'bank', 'buyer', 'service_provider',
  // Platform-wide, given by a platform admin: an organization's staff who start programs (and organize those they start).
  'program_creator',
] as const;
export type Role = (typeof roles)[number];

export const roleNames: Record<Role, { 'zh-CN': string; en: string }> = {
  platform_admin: { 'zh-CN': '平台管理员', en: 'Platform admin' },
  organizer: { 'zh-CN': '主办方/秘书处', en: 'Organizer' },
  review_institution: { 'zh-CN': '初评机构', en: 'Review institution' },
  recommender: { 'zh-CN': '推荐单位', en: 'Recommending unit' },
  expert: { 'zh-CN': '评审专家', en: 'Expert' },
  committee: { 'zh-CN': '评选委员会', en: 'Committee' },
  applicant: { 'zh-CN': '申报单位', en: 'Applicant' },
  catalog_organizer: { 'zh-CN': '目录与对接运营方', en: 'Catalog organizer' },
  investor: { 'zh-CN': '投资机构', en: 'Investor' },
  bank: { 'zh-CN': '银行', en: 'Bank' },
  buyer: { 'zh-CN': '技术需求方/产业合作方', en: 'Buyer / industrial partner' },
  service_provider: { 'zh-CN': '知识产权服务机构', en: 'IP service provider' },
  program_creator: { 'zh-CN': '活动创建者', en: 'Program creator' },
};

/** Roles that are granted on a program (optionally narrowed to one track). */
export const programRoles = ['organizer', 'review_institution', 'recommender', 'expert', 'committee'] as const;
export type ProgramRole = (typeof programRoles)[number];

export const actions = [
  'user.manage', // create accounts and platform admins
  'program.create',
  'program.configure', // phases, tracks, forms; publish the call
  'grant.manage', // give people roles on a program
  'application.create', // apply as an enterprise
  'application.list', // see a program's applications
  'application.screen', // eligibility screening, returns for revision
  'nomination.endorse', // recommend within quota
  'review.assign', // build panels and assignments
  'expert.manage', // the platform-wide expert pool (专家库): create, edit, import, export, search
  'review.score',
  'committee.decide',
  'publicity.rule', // rule on objections during 公示
  'program.publish', // publish results and certificates
  'audit.read',
  'catalog.manage', // 绿色技术推广目录: add entries from results, review owners' updates, suspend, retire; review needs
  'match.participate', // an investor's, bank's or buyer's profile, matches, interest and meeting requests
  'meeting.manage', // 对接会: events, slots, scheduling
  'deal.read', // deals, commissions and the matchmaking dashboard
  'service.handle', // IP service requests routed to a provider
] as const;
export type Action = (typeof actions)[number];

/** Role → actions. Track-scoped roles act only within their track. */
export const permissions: Record<Role, readonly Action[]> = {
  platform_admin: actions,
  organizer: ['program.configure', 'grant.manage', 'application.list', 'application.screen', 'review.assign', 'expert.manage', 'committee.decide', 'publicity.rule', 'program.publish', 'audit.read'],
  review_institution: ['application.list', 'application.screen', 'review.assign', 'expert.manage'],
  recommender: ['nomination.endorse'],
  expert: ['review.score'],
  committee: ['committee.decide', 'application.list'],
  applicant: ['application.create'],
  catalog_organizer: ['catalog.manage', 'meeting.manage', 'deal.read'],
  investor: ['match.participate'],
  bank: ['match.participate'],
  buyer: ['match.participate'],
  service_provider: ['service.handle'],
  program_creator: ['program.create'],
};

export type Grant = { role: Role; programId: string | null; trackId: string | null };
export type Subject = { userId: string; grants: readonly Grant[] };
/** What the action is done to. No programId means a platform-level action. */
export type Scope = { programId?: string; trackId?: string };

function grantCovers(grant: Grant, scope: Scope): boolean {
  if (grant.role === 'platform_admin') return true;
  if (grant.role === 'applicant') return true;
  // A platform-wide grant (an investor, the catalog's organizer) covers platform-level actions.
  if (!scope.programId) return grant.programId === null && !(programRoles as readonly string[]).includes(grant.role);
  if (grant.programId !== scope.programId) return false;
  // A program-wide grant covers every track; a track grant only its own track, and
  // never an action on the program as a whole.
  return grant.trackId === null || grant.trackId === scope.trackId;
}

export function can(subject: Subject | null, action: Action, scope: Scope = {}): boolean {
  if (!subject) return false;
  const grants: Grant[] = [...subject.grants, { role: 'applicant', programId: null, trackId: null }];
  return grants.some((g) => permissions[g.role].includes(action) && grantCovers(g, scope));
}

/**
 * Whether some grant of the subject allows the action on some program (or the platform): for
 * what is shared by every program, like the expert pool, which anyone who runs a program's
 * review may manage.
 */
export function canOnSomeProgram(subject: Subject | null, action: Action): boolean {
  if (!subject) return false;
  return subject.grants.some((g) => permissions[g.role].includes(action));
}

export function isPlatformAdmin(subject: Subject | null): boolean {
  return !!subject?.grants.some((g) => g.role === 'platform_admin');
}

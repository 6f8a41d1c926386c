import {
  counterpartFromNeed, counterpartFromProfile, technologyFromCatalog, type MatchCounterpart, type MatchCounterpartView, type MatchProfileFields, type MatchProfileInput,
  type MatchProfileKind, type MatchProfileView, type MatchTechnology, type MatchTechnologyView,
} from '@lvping/domain';
import type { EntryRow, NeedRow, ProfileRow, ProfileWithUser } from './match.repository.ts';

// Rows → what matching reads and what each side is shown. The views here never carry a contact:
// only profileView (its holder, the catalog organizer) and an introduction (interest.service) do.

const parse = (json: string | null): Record<string, unknown> => {
  try {
    const v = json ? JSON.parse(json) : {};
    return v && typeof v === 'object' && !Array.isArray(v) ? v : {};
  } catch {
    return {};
  }
};
const clip = (s: string, n = 200) => (s.length > n ? `${s.slice(0, n)}…` : s);

export const profileFields = (p: ProfileRow) => parse(p.fields_json) as unknown as MatchProfileFields;

export function profileView(p: ProfileWithUser): MatchProfileView {
  return {
    id: p.id, kind: p.kind as MatchProfileKind, status: p.status as MatchProfileView['status'], orgName: p.org_name,
    profile: { kind: p.kind, orgName: p.org_name, ...profileFields(p) } as MatchProfileInput,
    reviewNote: p.review_note, applicant: { userId: p.user_id, displayName: p.display_name, email: p.email }, createdAt: p.created_at, updatedAt: p.updated_at,
  };
}

export const entryFields = (e: EntryRow) => parse(e.fields_json);
export const technologyOf = (e: EntryRow): MatchTechnology => technologyFromCatalog(e.id, entryFields(e), e.region_code);

export function technologyView(e: EntryRow, t: MatchTechnology = technologyOf(e)): MatchTechnologyView {
  const scope = entryFields(e).scope;
  return {
    entryId: e.id, name: t.name, organizationName: e.org_name, fieldIds: t.fieldIds, trl: t.trl, stage: t.stage, regionCode: t.regionCode,
    summary: clip(typeof scope === 'string' ? scope : t.texts[0] ?? ''),
  };
}

export const profileCounterpart = (p: ProfileRow): MatchCounterpart => counterpartFromProfile(p.id, p.kind as MatchProfileKind, p.org_name, profileFields(p));
export const needCounterpart = (n: NeedRow): MatchCounterpart => counterpartFromNeed(n.id, parse(n.fields_json), n.org_name);

export function profileCounterpartView(p: ProfileRow): MatchCounterpartView {
  const f = profileFields(p);
  const products = 'products' in f ? f.products : null;
  return {
    type: 'profile', id: p.id, kind: p.kind as MatchProfileKind, name: p.org_name,
    fieldIds: [...new Set([...(f.fieldIds ?? []), ...(products ?? []).flatMap((x) => x.fieldIds)])],
    regions: [...new Set([...(f.regions ?? []), ...(products ?? []).flatMap((x) => x.regions)])],
    summary: clip('needText' in f ? f.needText : f.description ?? ''),
    stages: 'stages' in f ? f.stages : null,
    ticket: 'ticketMin' in f ? { min: f.ticketMin, max: f.ticketMax } : null,
    products: products?.map((x) => ({ name: x.name, kind: x.kind, amountMin: x.amountMin, amountMax: x.amountMax, rateNote: x.rateNote })) ?? null,
  };
}

export function needCounterpartView(n: NeedRow): MatchCounterpartView {
  const f = parse(n.fields_json);
  const str = (v: unknown) => (typeof v === 'string' ? v : '');
  return {
    type: 'need', id: n.id, kind: 'need', name: str(f.problem) || n.org_name, fieldIds: typeof f.fieldId === 'string' ? [f.fieldId] : [], regions: [n.region_code],
    summary: clip(str(f.description) || str(f.problem)), stages: null, ticket: null, products: null,
  };
}

/** A contact as stored in a version, profile or need, if it is one. */
export function contactIn(v: unknown): { name: string; phone: string; email: string } | null {
  if (!v || typeof v !== 'object') return null;
  const c = v as Record<string, unknown>;
  return typeof c.name === 'string' && typeof c.phone === 'string' && typeof c.email === 'string' ? { name: c.name, phone: c.phone, email: c.email } : null;
}

/** Who to contact about a technology: the version's contact, else the owner organization's. */
export const entryContact = (e: EntryRow) =>
  ({ organization: e.org_name, ...(contactIn(entryFields(e).contact) ?? { name: e.contact_name, phone: e.contact_phone, email: e.contact_email }) });
export const profileContact = (p: ProfileRow) => ({ organization: p.org_name, ...(contactIn(profileFields(p).contact) ?? { name: '', phone: '', email: '' }) });
export const needContact = (n: NeedRow) => ({ organization: n.org_name, ...(contactIn(parse(n.fields_json).contact) ?? { name: '', phone: '', email: '' }) });

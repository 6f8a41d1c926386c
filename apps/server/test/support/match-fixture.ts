import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import type { MatchProfileInput, Role } from '@lvping/domain';
import { grantRole } from '../../src/features/access/grant.service.ts';
import { bumpPublic } from '../../src/features/catalog/catalog.repository.ts';
import type { Client, Harness } from './harness.ts';
import { actorOf } from './journey.ts';
import { creditCode } from './screening.ts';

// 供需匹配 tests' shared steps: people with platform roles, a technology owner's organization,
// catalog entries and needs as the catalog's and needs' features leave them once published
// (written straight into their tables, so these tests do not depend on those features' flows),
// and profiles applied for and approved through the API.

let orgSeq = 0;

/** A signed-in user, optionally with a platform role (granted as the machine's owner). */
export async function userWith(h: Harness, email: string, role?: Role): Promise<{ client: Client; userId: string }> {
  const client = h.client();
  assert.equal((await client.register(email, undefined, email.split('@')[0])).statusCode, 200);
  const userId = (await actorOf(h, client)).userId;
  if (role) await grantRole(h.deps, null, { userId, role, programId: null, trackId: null });
  return { client, userId };
}

/** An organization of the user, in a region, with the contact the catalog shows nobody but an introduced side. */
export async function organizationOf(c: Client, name: string, regionCode: string, contact: { name: string; phone: string; email: string }): Promise<string> {
  const r = await c.post('/api/organizations', {
    name, creditCode: creditCode(5_000_000 + ++orgSeq), regionCode, kind: 'enterprise', address: '测试地址 1 号',
    contactName: contact.name, contactPhone: contact.phone, contactEmail: contact.email,
  });
  assert.equal(r.statusCode, 200, r.body);
  return r.json().id as string;
}

export type TechFields = { name: string; fieldId: string; scope: string; process: string; trl: number; contact: { name: string; phone: string; email: string } };

/** A catalog entry with its version 1 approved and shown (status published), or in another status. */
export async function catalogEntry(h: Harness, owner: { userId: string; orgId: string }, f: TechFields, status = 'published'): Promise<string> {
  const id = randomUUID();
  const now = h.deps.now();
  const fields = {
    ...f, parameters: '主要技术参数见检测报告', benefits: { energySavedTce: 1200, co2ReducedT: 3000, others: [] },
    cases: [{ name: `${f.name}示范工程`, place: '河南郑州', year: 2024, description: '' }], ip: { kind: 'granted_patents', detail: 'ZL202110000001.1' },
  };
  const published = status === 'published' || status === 'suspended';
  await h.deps.db.insertInto('catalog_entries').values({
    id, organization_id: owner.orgId, owner_user_id: owner.userId, program_id: null, application_id: null, status, status_reason: null,
    published_version: published ? 1 : null, created_at: now, updated_at: now,
  }).execute();
  await h.deps.db.insertInto('catalog_versions').values({
    entry_id: id, version: 1, fields_json: JSON.stringify(fields), status: published ? 'approved' : 'pending', submitted_by: owner.userId, submitted_at: now,
    reviewed_by: null, reviewed_at: published ? now : null, review_note: null, created_at: now,
  }).execute();
  // As the catalog does with every public change: the public search index picks the entry up.
  if (published) await bumpPublic(h.deps.db, id);
  return id;
}

/** A technology need posted by the user's organization (published unless told otherwise). */
export async function techNeed(h: Harness, poster: { userId: string; orgId: string }, f: { problem: string; description: string; fieldId: string; contact: { name: string; phone: string; email: string } }, status = 'published'): Promise<string> {
  const id = randomUUID();
  const now = h.deps.now();
  const fields = { ...f, indicators: [{ name: '效率', target: 95, unit: '%', direction: 'atLeast' }], budget: { min: 100, max: 500 }, deadline: '2027-12-31', funded: true };
  const org = await h.deps.db.selectFrom('organizations').select('region_code').where('id', '=', poster.orgId).executeTakeFirstOrThrow();
  const published = status === 'published' ? now : null;
  await h.deps.db.insertInto('tech_needs').values({
    id, organization_id: poster.orgId, poster_user_id: poster.userId, fields_json: JSON.stringify(fields), status, review_note: null, reviewed_by: null,
    program_id: null, track_id: null, deadline: '2027-12-31', field_id: f.fieldId, region_code: org.region_code, funded: 1,
    submitted_at: now, reviewed_at: published, published_at: published, closed_at: null, created_at: now, updated_at: now,
  }).execute();
  return id;
}

/** Applies for a profile and has the catalog organizer approve it: its id. */
export async function approvedProfile(applicant: Client, organizer: Client, input: MatchProfileInput): Promise<string> {
  const applied = await applicant.post('/api/match/profiles', input);
  assert.equal(applied.statusCode, 200, applied.body);
  const id = applied.json().id as string;
  const approved = await organizer.post(`/api/match/profiles/${id}/review`, { decision: 'approve' });
  assert.equal(approved.statusCode, 200, approved.body);
  assert.equal(approved.json().status, 'approved');
  return id;
}

// A program with a recommendation step, its units, members and submitted candidates, for the
// recommendation tests. Setup goes through the services (it is not what is under test); what
// the tests exercise goes through HTTP.
import assert from 'node:assert/strict';
import { creditCodeCheckChar, formatShanghai, type ProgramDefinitionInput } from '@lvping/domain';
import type { Actor } from '../../src/context.ts';
import { createProgram, setProgramStatus } from '../../src/features/programs/program.service.ts';
import { createOrganization } from '../../src/features/organizations/organization.service.ts';
import { createApplication, saveDraft, submitApplication } from '../../src/features/applications/application.service.ts';
import { grantRole } from '../../src/features/access/grant.service.ts';
import { addMember } from '../../src/features/recommendation/unit.repository.ts';
import type { Client, Harness } from './harness.ts';
import { actorOf, multipart, samplePdf } from './journey.ts';

/** A valid, distinct unified social credit code per n (registered in 郑州). */
export function creditCode(n: number): string {
  const first17 = `91410100MA${String(n).padStart(7, '0')}`;
  return first17 + creditCodeCheckChar(first17)!;
}

/**
 * Tracks: `rec` (recommended, ≤3 per unit, stacking over channels c1/c2), `rec2` (recommended,
 * ≥2 per unit), `direct` (no recommendation). Units named by the definition: 甲 (c1), 乙 (c1+c2), 丙.
 */
export function recProgram(slug: string, now = Date.now(), max = 3): ProgramDefinitionInput {
  const day = 86_400_000;
  return {
    slug, name: `推荐测试 ${slug}`, year: new Date(now).getUTCFullYear(), organizers: ['测试主办方'],
    phases: [{ id: 'call', kind: 'call', name: '征集', startsAt: formatShanghai(now - 10 * day, false), endsAt: `${formatShanghai(now + 10 * day, false)} 24:00` }],
    tracks: [
      { id: 'rec', name: '推荐赛道', formId: 'f', entry: 'recommendation' },
      { id: 'rec2', name: '第二推荐赛道', formId: 'f', entry: 'recommendation' },
      { id: 'direct', name: '直接申报赛道', formId: 'f', entry: 'direct' },
    ],
    forms: [{ id: 'f', version: 1, title: '申报表', sections: [{ id: 's', title: '基本情况', fields: [{ id: 'name', kind: 'text', label: '项目名称', required: true, maxChars: 50 }] }] }],
    recommendation: {
      channels: [{ id: 'c1', name: '渠道一' }, { id: 'c2', name: '渠道二', aliases: ['二渠道'] }],
      stacking: true,
      quotas: [{ id: 'q-max', tracks: ['rec'], kind: 'max', count: max }, { id: 'q-min', tracks: ['rec2'], kind: 'min', count: 2 }],
      units: [
        { id: 'jia', name: '甲单位', regionCode: '410100', channels: ['c1'] },
        { id: 'yi', name: '乙单位', regionCode: '410200', channels: ['c1', 'c2'] },
        { id: 'bing', name: '丙单位', regionCode: '410300', channels: [] },
      ],
    },
  };
}

export async function openRecProgram(h: Harness, admin: Actor, def: ProgramDefinitionInput): Promise<string> {
  const created = await createProgram(h.deps, admin, { from: 'text', format: 'json', text: JSON.stringify(def) });
  await setProgramStatus(h.deps, admin, created.id, 'open');
  return created.id;
}

/** The program's units by name (GET choices also creates the ones the definition names). */
export async function unitIds(c: Client, programId: string): Promise<Record<string, string>> {
  const r = await c.get(`/api/programs/${programId}/recommending-units/choices`);
  assert.equal(r.statusCode, 200, r.body);
  return Object.fromEntries(r.json().units.map((u: { id: string; name: string }) => [u.name, u.id]));
}

/** A signed-in user who acts for the unit with the recommender role (as an accepted invitation leaves them). */
export async function unitMember(h: Harness, email: string, unitId: string, programId: string): Promise<{ client: Client; actor: Actor }> {
  const client = h.client();
  assert.equal((await client.register(email)).statusCode, 200);
  const actor = await actorOf(h, client);
  await addMember(h.deps.db, unitId, actor.userId, Date.now());
  await grantRole(h.deps, null, { userId: actor.userId, role: 'recommender', programId, trackId: null });
  return { client, actor };
}

/** An applicant account that owns organizations; `n` numbers their credit codes. */
export async function applicantAccount(h: Harness, email: string): Promise<{ client: Client; actor: Actor }> {
  const client = h.client();
  assert.equal((await client.register(email)).statusCode, 200);
  return { client, actor: await actorOf(h, client) };
}

/** A submitted application on `trackId` naming `unitId`, for a new organization of the applicant. */
export async function submittedCandidate(h: Harness, applicant: Actor, programId: string, trackId: string, unitId: string | undefined, n: number): Promise<string> {
  const org = await createOrganization(h.deps, applicant, {
    name: `候选企业${n}`, creditCode: creditCode(n), regionCode: '410100', kind: 'enterprise', address: '郑州市',
    contactName: '王五', contactPhone: '0371-12345678', contactEmail: applicant.email,
  });
  const app = await createApplication(h.deps, applicant, { programId, trackId, organizationId: org.id, unitId });
  await saveDraft(h.deps, applicant, app.id, { answers: { s: { name: `项目${n}` } }, baseRevision: 0 });
  await submitApplication(h.deps, applicant, app.id, 1);
  return app.id;
}

/** Uploads the stamped page as the unit's member and returns its file id. */
export async function stampedPage(c: Client, applicationId: string): Promise<string> {
  const r = await c.upload(`/api/recommendation/candidates/${applicationId}/stamped-page`, multipart('推荐意见（盖章）.pdf', samplePdf, 'application/pdf'));
  assert.equal(r.statusCode, 200, r.body);
  return r.json().id;
}

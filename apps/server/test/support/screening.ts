import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { creditCodeCheckChar, type ProgramDefinitionInput, type Role } from '@lvping/domain';
import { createProgram, setProgramStatus } from '../../src/features/programs/program.service.ts';
import { grantRole } from '../../src/features/access/grant.service.ts';
import type { Actor } from '../../src/context.ts';
import type { Client, Harness } from './harness.ts';
import { actorOf, multipart, samplePdf } from './journey.ts';
import { testProgram } from './program-fixture.ts';

// Screening tests' shared steps: the small test program with eligibility rules and a checklist
// on its 'green' track, people with program roles, and applications carried to 'submitted'.

export function screeningProgram(slug: string, now: number): ProgramDefinitionInput {
  const def = testProgram(slug, now);
  def.tracks[0].eligibility = {
    rules: [
      { id: 'revenue-100', kind: 'numberAtLeast', field: 'basic.revenue', value: 100, description: '上年度营业收入不低于100万元', descriptionEn: 'Revenue of at least 1 million yuan' },
      { id: 'beijing', kind: 'regionWithin', field: 'organization.regionCode', codes: ['11'], description: '申报单位注册地在北京市' },
    ],
    checklist: [
      { id: 'license-valid', text: '营业执照在有效期内，与申报单位名称一致。' },
      { id: 'green-field', text: '项目属于绿色低碳领域。' },
    ],
  };
  return def;
}

export async function openScreeningProgram(h: Harness, admin: Actor, slug: string): Promise<string> {
  const created = await createProgram(h.deps, admin, { from: 'text', format: 'json', text: JSON.stringify(screeningProgram(slug, h.deps.now())) });
  return (await setProgramStatus(h.deps, admin, created.id, 'open')).id;
}

/** A valid credit code per n (check character computed), so each test organization can have its own. */
export function creditCode(n: number): string {
  const first17 = `91110105MA${String(n).padStart(7, '0')}`;
  return first17 + creditCodeCheckChar(first17)!;
}

/** A signed-in user with a role on the program (optionally one track). */
export async function withRole(h: Harness, admin: Actor, email: string, role: Role, programId: string, trackId: string | null = null): Promise<Client> {
  const c = h.client();
  assert.equal((await c.register(email, undefined, email.split('@')[0])).statusCode, 200);
  await grantRole(h.deps, admin, { userId: (await actorOf(h, c)).userId, role, programId, trackId });
  return c;
}

export const answersWith = (license: unknown, basic: Record<string, unknown> = {}) => ({
  basic: { projectName: '余热回收', summary: '工业余热回收利用。', revenue: 1200, license, ...basic },
  pledge: { declaration: true },
});

/** A draft filled in completely (but not submitted): { id, revision, license }. */
export async function completeDraft(c: Client, programId: string, orgId: string, trackId = 'green', basic: Record<string, unknown> = {}) {
  const created = await c.post('/api/applications', { programId, trackId, organizationId: orgId });
  assert.equal(created.statusCode, 200, created.body);
  const id = created.json().id as string;
  const license = (await c.upload(`/api/applications/${id}/files?field=basic.license`, multipart('营业执照.pdf', samplePdf, 'application/pdf'))).json();
  const saved = await c.put(`/api/applications/${id}/draft`, { answers: answersWith(license, basic), baseRevision: 0 });
  assert.equal(saved.statusCode, 200, saved.body);
  return { id, revision: saved.json().revision as number, license };
}

export async function submittedApplication(c: Client, programId: string, orgId: string, trackId = 'green', basic: Record<string, unknown> = {}) {
  const d = await completeDraft(c, programId, orgId, trackId, basic);
  const r = await c.post(`/api/applications/${d.id}/submit`, { baseRevision: d.revision });
  assert.equal(r.statusCode, 200, r.body);
  return { ...d, revision: r.json().revision as number };
}

/**
 * A recommending unit row, for tests that need one to exist. Units are the recommendation
 * feature's: the row is built from the table's own columns, so this follows that feature's
 * migration rather than a copy of it. Null when this installation has no units table.
 */
export async function insertTestUnit(h: Harness, programId: string, name: string): Promise<string | null> {
  const table = (await h.deps.db.introspection.getTables()).find((t) => t.name === 'recommending_units');
  if (!table) return null;
  const id = randomUUID();
  const now = h.deps.now();
  const values: Record<string, unknown> = {};
  for (const c of table.columns) {
    // SQLite reports a text primary key as nullable: the id is always given.
    if ((c.isNullable || c.hasDefaultValue) && c.name !== 'id') continue;
    values[c.name] = c.name === 'id' ? id : c.name === 'program_id' ? programId : c.name === 'name' ? name : c.name.endsWith('_json') ? '[]'
      : c.name.endsWith('_at') ? now : c.name === 'region_code' ? '110105' : `${c.name}-${id}`;
  }
  const cols = Object.keys(values);
  await sql`insert into recommending_units (${sql.join(cols.map((c) => sql.ref(c)))}) values (${sql.join(cols.map((c) => values[c]))})`.execute(h.deps.db);
  return id;
}

// A published program result with one winner, invited into the catalog: what the catalog and
// matchmaking journeys start from. The review is not under test here: the one application is
// decided 一等奖 in the live server's SQLite file (as support/outcome-finish.ts fast-forwards) and
// published by the organizer's own endpoint; the catalog organizer's platform role is written
// into the grants table and the winners are imported through features/catalog's endpoint.
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { testProgram } from '../../../server/test/support/program-fixture.ts';
import { pdfBytes } from './files.ts';
import { registered, signedIn, type HttpClient } from './http-client.ts';
import { makeCreditCode } from './journey.ts';
import { firstAdminCredentials, type RunningServer } from './server.ts';

type Account = { email: string; password: string; name: string };

function definition(slug: string) {
  const def = testProgram(slug, Date.now());
  def.tracks[0] = { ...def.tracks[0], awardTiers: [{ id: 'first', name: '一等奖', nameEn: 'First prize', count: 1 }] };
  def.review = { affinityFields: [{ form: 'main', fields: ['basic.projectName'] }] };
  def.decision = { approval: { by: 'none' }, publicity: { results: { required: false } } };
  return def;
}

/** The first admin (its one-time password replaced), a published winner invited into the catalog, and the catalog organizer. */
export async function invitedWinner(server: RunningServer, opts: { slug: string; adminPassword: string; owner: Account; orgName: string; ownerContact: string; curator: Account }): Promise<{
  admin: HttpClient; owner: HttpClient; curator: HttpClient; entryId: string; programName: string;
}> {
  const first = firstAdminCredentials(server.output());
  assert.ok(first, 'the server printed no first-admin credentials');
  const once = await signedIn(server.baseUrl, first.email, first.password);
  await once.ok(once.post('/api/auth/password/change', { currentPassword: first.password, newPassword: opts.adminPassword }));
  const admin = await signedIn(server.baseUrl, first.email, opts.adminPassword);
  const def = definition(opts.slug);
  const program = await admin.ok(admin.post('/api/programs', { from: 'text', format: 'json', text: JSON.stringify(def) }));
  await admin.ok(admin.post(`/api/programs/${program.id}/status`, { status: 'open' }));

  const owner = await registered(server.baseUrl, opts.owner.email, opts.owner.password, opts.owner.name);
  const org = await owner.ok(owner.post('/api/organizations', {
    name: opts.orgName, creditCode: makeCreditCode('410100'), regionCode: '410105', kind: 'enterprise', address: '河南省郑州市', contactName: opts.ownerContact, contactPhone: '0371-12345678', contactEmail: opts.owner.email,
  }));
  const app = await owner.ok(owner.post('/api/applications', { programId: program.id, trackId: 'green', organizationId: org.id }));
  const license = await owner.ok(owner.upload(`/api/applications/${app.id}/files?field=basic.license`, '营业执照.pdf', pdfBytes('license'), 'application/pdf'));
  const saved = await owner.ok(owner.put(`/api/applications/${app.id}/draft`, {
    answers: { basic: { projectName: '光伏组件回收', summary: '退役晶硅光伏组件的拆解与材料回收。', revenue: 2000, license }, pledge: { declaration: true } }, baseRevision: 0,
  }));
  await owner.ok(owner.post(`/api/applications/${app.id}/submit`, { baseRevision: saved.revision }));
  const registeredCurator = await registered(server.baseUrl, opts.curator.email, opts.curator.password, opts.curator.name);
  const curatorId = (await registeredCurator.ok(registeredCurator.get('/api/auth/me'))).id as string;

  const db = new Database(join(server.dataDir, 'lvping.sqlite'));
  try {
    db.pragma('busy_timeout = 5000');
    const now = Date.now();
    db.prepare("UPDATE applications SET status = 'in_review' WHERE id = ?").run(app.id);
    db.prepare(`INSERT INTO decisions (program_id, application_id, track_id, tier_id, proposed_tier_id, rank, score, p_above, reason, removed, decided_by, decided_at)
      VALUES (?, ?, 'green', 'first', 'first', 1, 90, NULL, NULL, 0, ?, ?)`).run(program.id, app.id, curatorId, now);
    db.prepare("INSERT INTO program_outcomes (program_id, status, submission, revision, approved_at, published_at, published_by, updated_at) VALUES (?, 'approved', 0, 0, ?, NULL, NULL, ?)").run(program.id, now, now);
    db.prepare("INSERT INTO grants (id, user_id, role, program_id, track_id, created_at, created_by) VALUES (?, ?, 'catalog_organizer', NULL, NULL, ?, NULL)").run(randomUUID(), curatorId, now);
  } finally {
    db.close();
  }
  await admin.ok(admin.post(`/api/programs/${program.id}/publication/publish`, {}));
  // Signed in again: the session holds the grants it was opened with.
  const curator = await signedIn(server.baseUrl, opts.curator.email, opts.curator.password);
  assert.deepEqual(await curator.ok(curator.post(`/api/catalog/programs/${program.id}/import`, {})), { added: 1, alreadyInCatalog: 0 });
  const entryId = (await owner.ok(owner.get('/api/catalog/mine'))).items[0].id as string;
  return { admin, owner, curator, entryId, programName: def.name };
}

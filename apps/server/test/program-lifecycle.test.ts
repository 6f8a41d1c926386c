import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { describeEachEngine } from './support/engines.ts';
import { startHarness, type Client, type Harness } from './support/harness.ts';
import { ensureFirstAdmin } from '../src/features/access/admin.service.ts';
import { loadSeedPrograms } from '../src/features/programs/program.service.ts';
import { testProgram } from './support/program-fixture.ts';

// Who starts programs (a platform-wide grant, given by a platform admin) and the program's
// status machine: one step along the definition's phases, refusals naming the allowed next step.

describeEachEngine('program lifecycle: program creators and the status machine', (engine) => {
  let h: Harness;
  let admin: Client;
  let staff: Client;
  before(async () => {
    h = await startHarness(engine);
    await loadSeedPrograms(h.deps);
    const first = (await ensureFirstAdmin(h.deps))!;
    admin = h.client();
    await admin.login(first.email, first.password);
    staff = h.client();
    assert.equal((await staff.register('staff@province.example')).statusCode, 200);
  });
  after(() => h.close());

  const auditActions = async (entityId: string) =>
    (await h.deps.db.selectFrom('audit_log').select('action').where('entity_id', '=', entityId).orderBy('seq').execute()).map((r) => r.action);

  test('without the grant nobody but a platform admin creates programs; the admin gives and takes the grant', async () => {
    assert.equal((await staff.post('/api/programs', { from: 'template', templateSlug: 'henan-green-2025', slug: 'henan-2026' })).statusCode, 403);
    assert.equal((await staff.get('/api/admin/program-creators')).statusCode, 403);
    assert.equal((await staff.post('/api/admin/program-creators', { email: 'staff@province.example' })).statusCode, 403);
    const unknown = await admin.post('/api/admin/program-creators', { email: 'nobody@example.com' });
    assert.equal(unknown.statusCode, 404);
    assert.equal(unknown.json().error.fields[0].path, 'email');
    const granted = await admin.post('/api/admin/program-creators', { email: 'STAFF@province.example' });
    assert.equal(granted.statusCode, 200, granted.body);
    assert.deepEqual(granted.json().creators.map((c: { email: string }) => c.email), ['staff@province.example']);
    const session = (await staff.get('/api/auth/session')).json();
    assert.ok(session.user.grants.some((g: { role: string; programId: string | null }) => g.role === 'program_creator' && g.programId === null));
    // Granting twice adds nothing.
    assert.equal((await admin.post('/api/admin/program-creators', { email: 'staff@province.example' })).json().creators.length, 1);
  });

  test('a program creator starts programs from a template, a copy and a file, and organizes each', async () => {
    const fromTemplate = await staff.post('/api/programs', { from: 'template', templateSlug: 'henan-green-2025', slug: 'henan-green-2026', name: '2026年河南省工业绿色低碳发展创新大赛' });
    assert.equal(fromTemplate.statusCode, 200, fromTemplate.body);
    assert.equal(fromTemplate.json().status, 'draft');
    assert.equal(fromTemplate.json().canConfigure, true);
    assert.deepEqual(fromTemplate.json().nextStatuses, ['open']);

    const copy = await staff.post('/api/programs', { from: 'copy', programId: fromTemplate.json().id, slug: 'henan-green-2027', year: 2027 });
    assert.equal(copy.statusCode, 200, copy.body + JSON.stringify(fromTemplate.json().id));
    assert.equal(copy.json().definition.year, 2027);
    assert.equal(copy.json().definition.tracks.length, fromTemplate.json().definition.tracks.length);
    assert.deepEqual(Object.values(copy.json().formVersions), copy.json().definition.forms.map(() => 1));

    const text = JSON.stringify(testProgram('from-file-2026', h.deps.now()));
    const fromFile = await staff.post('/api/programs', { from: 'text', format: 'json', text });
    assert.equal(fromFile.statusCode, 200, fromFile.body);

    const mine = (await staff.get('/api/programs/manageable')).json().programs.map((p: { slug: string }) => p.slug).sort();
    assert.deepEqual(mine, ['from-file-2026', 'henan-green-2026', 'henan-green-2027']);
    const session = (await staff.get('/api/auth/session')).json();
    for (const p of [fromTemplate, copy, fromFile]) {
      assert.ok(session.user.grants.some((g: { role: string; programId: string }) => g.role === 'organizer' && g.programId === p.json().id), `organizer of ${p.json().slug}`);
      assert.deepEqual((await auditActions(p.json().id)).slice(0, 1), ['program.create']);
    }
  });

  test('refusals: a copy of an unknown or hidden program, a taken slug, an invalid copy', async () => {
    const other = h.client();
    await other.register('other@example.com');
    await admin.post('/api/admin/program-creators', { email: 'other@example.com' });
    const hidden = (await staff.get('/api/programs/manageable')).json().programs.find((p: { slug: string }) => p.slug === 'henan-green-2026');
    // A draft of someone else is as unknown as a forged id.
    for (const programId of [hidden.id, 'no-such-program']) {
      const r = await other.post('/api/programs', { from: 'copy', programId, slug: 'stolen-copy' });
      assert.equal(r.statusCode, 404);
      assert.equal(r.json().error.fields[0].path, 'programId');
    }
    const published = (await h.client().get('/api/programs/by-slug/kczg-2022')).json();
    assert.equal((await other.post('/api/programs', { from: 'copy', programId: published.id, slug: 'kczg-2022' })).statusCode, 409);
    const bad = await other.post('/api/programs', { from: 'copy', programId: published.id, slug: 'Not A Slug' });
    assert.equal(bad.statusCode, 400);
    assert.ok(bad.json().error.fields.some((f: { path: string }) => f.path === 'slug'));
    // Taking the grant back stops new programs; the ones started stay theirs.
    const list = (await admin.get('/api/admin/program-creators')).json().creators;
    const grant = list.find((c: { email: string }) => c.email === 'other@example.com');
    assert.equal((await admin.request('DELETE', `/api/admin/program-creators/${grant.grantId}`)).statusCode, 200);
    assert.equal((await other.post('/api/programs', { from: 'copy', programId: published.id, slug: 'kczg-2030' })).statusCode, 403);
    assert.equal((await admin.request('DELETE', `/api/admin/program-creators/${grant.grantId}`)).statusCode, 404);
  });

  test('the status machine: one step along the phases, refusals name the allowed next status', async () => {
    const p = (await staff.get('/api/programs/manageable')).json().programs.find((x: { slug: string }) => x.slug === 'henan-green-2026');
    const move = (status: string) => staff.post(`/api/programs/${p.id}/status`, { status });
    const skip = await move('published');
    assert.equal(skip.statusCode, 409);
    assert.match(skip.json().error.message['zh-CN'], /不能跳过.*直接进入“结果已发布”；可进入：“征集中”/);
    assert.match(skip.json().error.message.en, /cannot skip .* allowed next: "Open for applications"/);
    assert.deepEqual(skip.json().error.details.allowed, ['open']);

    const opened = await move('open');
    assert.equal(opened.statusCode, 200, opened.body);
    assert.deepEqual(opened.json().nextStatuses, ['reviewing']);
    assert.equal((await move('open')).statusCode, 200, 'asking for the current status again changes nothing');

    const back = await move('draft');
    assert.equal(back.statusCode, 409);
    assert.match(back.json().error.message['zh-CN'], /不能退回“筹备中”；可进入：“评审中”/);
    assert.match(back.json().error.message.en, /cannot go back from "Open for applications" to "In preparation"; allowed next: "Under review"/);

    assert.equal((await move('reviewing')).json().nextStatuses[0], 'publicity', '河南 has a 公示 phase');
    assert.equal((await move('publicity')).statusCode, 200);
    // Results published is the outcome's publication: not before it.
    const early = await move('published');
    assert.equal(early.statusCode, 409);
    assert.match(early.json().error.message['zh-CN'], /评比结果尚未发布/);
    assert.equal((await h.client().get(`/api/programs/${p.id}`)).json().status, 'publicity');
    const moves = (await auditActions(p.id)).filter((a) => a === 'program.set_status');
    assert.equal(moves.length, 3, 'open, reviewing, publicity: each audited once');

    const stranger = h.client();
    await stranger.register('stranger@example.com');
    assert.equal((await stranger.post(`/api/programs/${p.id}/status`, { status: 'reviewing' })).statusCode, 403);
  });

  test('a program without a 公示 phase has no 公示中 on its path', async () => {
    const p = (await staff.get('/api/programs/manageable')).json().programs.find((x: { slug: string }) => x.slug === 'from-file-2026');
    const opened = await staff.post(`/api/programs/${p.id}/status`, { status: 'open' });
    assert.deepEqual(opened.json().nextStatuses, ['reviewing']);
    assert.equal((await staff.post(`/api/programs/${p.id}/status`, { status: 'reviewing' })).json().nextStatuses[0], 'published');
    const r = await staff.post(`/api/programs/${p.id}/status`, { status: 'publicity' });
    assert.equal(r.statusCode, 409);
    assert.match(r.json().error.message['zh-CN'], /本活动的阶段中没有“公示中”/);
    assert.match(r.json().error.message.en, /no "Public notice" step/);
  });
});

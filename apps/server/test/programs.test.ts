import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { parse } from 'yaml';
import { describeEachEngine } from './support/engines.ts';
import { startHarness, type Client, type Harness } from './support/harness.ts';
import { jobDownload } from './support/jobs.ts';
import { ensureFirstAdmin } from '../src/features/access/admin.service.ts';
import { loadSeedPrograms } from '../src/features/programs/program.service.ts';
import { loadDemoData } from '../src/features/system/demo-data.ts';
import { applicantWithOrg, creditCodes, multipart, samplePdf } from './support/journey.ts';
import { xiandaoGreenAnswers } from '../../../packages/domain/test/templates/samples.ts';
import { formOf, formValidatorOf } from '../src/features/applications/application.service.ts';

describeEachEngine('programs as configuration: the seed templates, versions, import and export', (engine) => {
  let h: Harness;
  let admin: Client;
  before(async () => {
    h = await startHarness(engine);
    await loadSeedPrograms(h.deps);
    await loadDemoData(h.deps);
    const first = (await ensureFirstAdmin(h.deps))!;
    admin = h.client();
    await admin.login(first.email, first.password);
  });
  after(() => h.close());

  const bySlug = async (slug: string) => (await h.client().get(`/api/programs/by-slug/${slug}`)).json();

  test('the three seed programs load on first start, with their tracks and forms', async () => {
    const list = (await h.client().get('/api/programs')).json().programs.map((p: { slug: string }) => p.slug).sort();
    assert.deepEqual(list, ['cnblue-2022', 'cnblue-2022-demo', 'henan-green-2025', 'henan-green-2025-demo', 'kczg-2022', 'kczg-2022-demo']);
    const kczg = await bySlug('kczg-2022');
    assert.equal(kczg.definition.tracks.length, 12);
    assert.equal(kczg.definition.tracks.filter((t: { group?: string }) => t.group === 'xiandao').length, 6);
    assert.equal(kczg.callClosesAt, Date.UTC(2022, 9, 31, 16), '2022-10-31 24:00 Beijing time');
    assert.deepEqual(Object.values(kczg.formVersions), kczg.definition.forms.map(() => 1));
    assert.equal((await bySlug('henan-green-2025')).definition.tracks.length, 5);
    assert.equal((await bySlug('cnblue-2022')).definition.tracks.length, 6);
    // A second start adds nothing.
    assert.deepEqual(await loadSeedPrograms(h.deps), []);
  });

  test('an applicant applies to 先导技术榜·绿色低碳 (demo edition) with the full form and submits', async () => {
    const program = await bySlug('kczg-2022-demo');
    assert.ok(program.callClosesAt > h.deps.now(), 'the demo edition’s call is open');
    const a = await applicantWithOrg(h, 'green@example.com', creditCodes[0]);
    const app = (await a.client.post('/api/applications', { programId: program.id, trackId: 'xiandao-green', organizationId: a.orgId })).json();
    assert.equal(app.form.id, 'xiandao');
    const seal = (await a.client.upload(`/api/applications/${app.id}/files?field=applicantOpinion.seal`, multipart('盖章页.pdf', samplePdf))).json();
    const saved = await a.client.put(`/api/applications/${app.id}/draft`, { answers: xiandaoGreenAnswers(seal), baseRevision: 0 });
    assert.equal(saved.statusCode, 200, saved.body);
    const submitted = await a.client.post(`/api/applications/${app.id}/submit`, { baseRevision: 1 });
    assert.equal(submitted.statusCode, 200, submitted.body);
    assert.equal(submitted.json().status, 'submitted');
    // The printable 申报书, for the applicant and the organizer, not for anyone else.
    const pdf = await a.client.get(`/api/applications/${app.id}/pdf`);
    assert.equal(pdf.statusCode, 200);
    assert.equal(pdf.headers['content-type'], 'application/pdf');
    assert.equal(pdf.rawPayload.subarray(0, 5).toString(), '%PDF-');
    assert.equal((await admin.get(`/api/applications/${app.id}/pdf`)).statusCode, 200);
    const other = h.client();
    await other.register('nosy@example.com');
    assert.equal((await other.get(`/api/applications/${app.id}/pdf`)).statusCode, 404);

    // The organizer's export (a job, export.applications) has the application on its track's sheet.
    const xlsx = await jobDownload(h, admin, await admin.post(`/api/programs/${program.id}/applications/exports`, { trackId: 'xiandao-green' }));
    const ExcelJS = (await import('exceljs')).default;
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const sheet = wb.worksheets[0];
    const cells = sheet.getRow(2).values as unknown[];
    assert.ok(cells.includes(app.number), JSON.stringify(cells.slice(0, 8)));
    assert.ok(cells.includes('低能耗复合胺烟气二氧化碳捕集技术'));
    assert.equal((await a.client.post(`/api/programs/${program.id}/applications/exports`, {})).statusCode, 403);

    // A seed's original call closed in 2022: nobody can start one there now.
    const old = await bySlug('kczg-2022');
    const closed = await a.client.post('/api/applications', { programId: old.id, trackId: 'xiandao-green', organizationId: a.orgId });
    assert.equal(closed.json().error.code, 'CALL_NOT_OPEN');
  });

  test('a changed form gets a new version; an application keeps the one it was filled against', async () => {
    const created = await admin.post('/api/programs', { from: 'template', templateSlug: 'henan-green-2025', slug: 'henan-2026', name: '2026年河南省工业绿色低碳发展创新大赛' });
    assert.equal(created.statusCode, 200, created.body);
    const p = created.json();
    assert.equal(p.status, 'draft');
    assert.equal((await h.client().get(`/api/programs/${p.id}`)).statusCode, 404, 'a draft is hidden from the public');

    const exported = await admin.get(`/api/programs/${p.id}/export?format=yaml`);
    assert.equal(exported.statusCode, 200);
    assert.match(String(exported.headers['content-disposition']), /henan-2026\.yaml/);
    const def = parse(exported.body);
    def.forms[0].sections[0].title = `${def.forms[0].sections[0].title}（修订）`;
    const { stringify } = await import('yaml');
    const updated = await admin.put(`/api/programs/${p.id}/definition`, { format: 'yaml', text: stringify(def), baseUpdatedAt: p.updatedAt });
    assert.equal(updated.statusCode, 200, updated.body);
    const versions = updated.json().formVersions;
    assert.equal(versions[def.forms[0].id], 2, 'the edited form');
    for (const f of def.forms.slice(1)) assert.equal(versions[f.id], 1, `untouched form ${f.id}`);
    // The parsed forms and their compiled validators are cached per version: the new version is its own entry.
    const at = (form_version: number) => ({ program_id: p.id, form_id: def.forms[0].id, form_version });
    const v1 = await formValidatorOf(h.deps.db, at(1));
    assert.equal(await formValidatorOf(h.deps.db, at(1)), v1, 'one compiled validator per version');
    assert.notEqual(await formValidatorOf(h.deps.db, at(2)), v1);
    assert.equal((await formOf(h.deps.db, at(2))).sections[0].title, def.forms[0].sections[0].title);
    assert.notEqual((await formOf(h.deps.db, at(1))).sections[0].title, def.forms[0].sections[0].title, 'version 1 keeps its title');

    const stale = await admin.put(`/api/programs/${p.id}/definition`, { format: 'yaml', text: stringify(def), baseUpdatedAt: p.updatedAt });
    assert.equal(stale.json().error.code, 'STALE_REVISION');
  });

  test('blank forms for offline drafting, as PDF and Excel, for anyone who can see the call', async () => {
    const p = await bySlug('henan-green-2025');
    const blankPdf = await h.client().get(`/api/programs/${p.id}/tracks/jieneng/blank.pdf`);
    assert.equal(blankPdf.statusCode, 200);
    assert.equal(blankPdf.rawPayload.subarray(0, 5).toString(), '%PDF-');
    assert.match(String(blankPdf.headers['content-disposition']), /filename\*=UTF-8''/);
    const blankXlsx = await h.client().get(`/api/programs/${p.id}/tracks/jieneng/blank.xlsx`);
    assert.equal(blankXlsx.statusCode, 200);
    assert.equal(blankXlsx.rawPayload.subarray(0, 2).toString(), 'PK');
    assert.equal((await h.client().get(`/api/programs/${p.id}/tracks/nope/blank.pdf`)).statusCode, 404);
    assert.equal((await h.client().get(`/api/programs/${p.id}/tracks/jieneng/blank.exe`)).statusCode, 400);
  });

  test('a program from scratch is valid, and a bad slug for it is a field error', async () => {
    const r = await admin.post('/api/programs', { from: 'blank', slug: 'green-award-2027', name: '2027年绿色技术奖', year: 2027 });
    assert.equal(r.statusCode, 200, r.body);
    assert.equal(r.json().definition.tracks.length, 1);
    assert.equal(r.json().callClosesAt, Date.UTC(2027, 2, 31, 16), '2027-03-31 24:00');
    const bad = await admin.post('/api/programs', { from: 'blank', slug: 'Bad Slug!', name: 'x', year: 2027 });
    assert.equal(bad.statusCode, 400);
    assert.equal(bad.json().error.fields[0].path, 'slug');
  });

  test('a bad definition is refused with every problem listed, and changes nothing', async () => {
    const p = await bySlug('cnblue-2022-demo');
    const bad = (await admin.get(`/api/programs/${p.id}/export?format=json`)).json();
    bad.tracks[0].formId = 'missing-form';
    bad.phases[0].endsAt = '2022-02-30';
    bad.year = 'next year';
    const r = await admin.put(`/api/programs/${p.id}/definition`, { format: 'json', text: JSON.stringify(bad), baseUpdatedAt: p.updatedAt });
    assert.equal(r.statusCode, 400);
    const paths = r.json().error.fields.map((f: { path: string }) => f.path);
    for (const want of ['year', 'phases.0.endsAt']) assert.ok(paths.includes(want), `${want} in ${paths}`);
    const syntax = await admin.post('/api/programs/validate', { format: 'yaml', text: 'name: [unclosed' });
    assert.equal(syntax.json().ok, false);
    assert.match(syntax.json().problems[0].message['zh-CN'], /YAML 语法错误/);
    assert.equal((await bySlug('cnblue-2022-demo')).updatedAt, p.updatedAt);
  });

  test('import from text, publish, and who may do it', async () => {
    const text = (await admin.get(`/api/programs/${(await bySlug('cnblue-2022')).id}/export?format=yaml`)).body.replace('slug: cnblue-2022', 'slug: cnblue-2027');
    const imported = await admin.post('/api/programs', { from: 'text', format: 'yaml', text });
    assert.equal(imported.statusCode, 200, imported.body);
    const dup = await admin.post('/api/programs', { from: 'text', format: 'yaml', text });
    assert.equal(dup.statusCode, 409);
    const published = await admin.post(`/api/programs/${imported.json().id}/status`, { status: 'open' });
    assert.equal(published.json().status, 'open');
    assert.equal((await h.client().get(`/api/programs/${imported.json().id}`)).statusCode, 200, 'public once published');

    const stranger = h.client();
    await stranger.register('stranger@example.com');
    assert.equal((await stranger.post('/api/programs', { from: 'template', templateSlug: 'kczg-2022', slug: 'mine' })).statusCode, 403);
    assert.equal((await stranger.post(`/api/programs/${imported.json().id}/status`, { status: 'closed' })).statusCode, 403);
    assert.equal((await stranger.get(`/api/programs/${imported.json().id}/export`)).statusCode, 403);
    assert.equal((await stranger.get('/api/programs/templates')).statusCode, 403);
    assert.deepEqual((await stranger.get('/api/programs/manageable')).json().programs, []);
    const mine = (await admin.get('/api/programs/manageable')).json().programs.map((p: { slug: string }) => p.slug);
    assert.ok(mine.includes('henan-2026'), 'the admin sees drafts too');
    assert.equal((await admin.get('/api/programs/templates')).json().templates.length, 3);
  });
});

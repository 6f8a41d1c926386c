import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import ExcelJS from 'exceljs';
import { sql } from 'kysely';
import { formatShanghai } from '@lvping/domain';
import { describeEachEngine } from './support/engines.ts';
import { startHarness, type Client, type Harness } from './support/harness.ts';
import { ensureFirstAdmin } from '../src/features/access/admin.service.ts';
import { actorOf, applicantWithOrg } from './support/journey.ts';
import { answersWith, completeDraft, creditCode, insertTestUnit, openScreeningProgram, submittedApplication, withRole } from './support/screening.ts';
import type { Actor } from '../src/context.ts';

// The organizer's dashboard and its Excel export, counted on both engines.

describeEachEngine('dashboard: counts by track, region, unit, channel and status; Excel export', (engine) => {
  let h: Harness;
  let admin: Actor;
  let programId: string;
  let organizer: Client;
  let institution: Client;
  let applicant: Client;
  let unitId: string | null;

  before(async () => {
    h = await startHarness(engine);
    const first = (await ensureFirstAdmin(h.deps))!;
    const ac = h.client();
    await ac.login(first.email, first.password);
    admin = await actorOf(h, ac);
    programId = await openScreeningProgram(h, admin, 'dashboard');
    organizer = await withRole(h, admin, 'organizer@example.com', 'organizer', programId);
    institution = await withRole(h, admin, 'institution@example.com', 'review_institution', programId, 'green');

    const a = await applicantWithOrg(h, 'a@example.com', creditCode(301), '110105');
    const b = await applicantWithOrg(h, 'b@example.com', creditCode(302), '440305');
    const c = await applicantWithOrg(h, 'c@example.com', creditCode(303), '440305');
    const e = await applicantWithOrg(h, 'e@example.com', creditCode(304), '110108');
    applicant = a.client;
    await submittedApplication(a.client, programId, a.orgId, 'green');
    const passed = await submittedApplication(b.client, programId, b.orgId, 'green');
    const storage = await submittedApplication(c.client, programId, c.orgId, 'storage');
    await completeDraft(c.client, programId, c.orgId, 'green'); // a draft: never counted
    const returned = await submittedApplication(e.client, programId, e.orgId, 'green');

    const decide = async (id: string, body: Record<string, unknown>) => {
      const rev = (await organizer.get(`/api/applications/${id}/screening`)).json().revision;
      assert.equal((await organizer.post(`/api/applications/${id}/screening/decision`, { ...body, baseRevision: rev })).statusCode, 200);
    };
    await decide(passed.id, { outcome: 'pass', note: '营业收入与地区不符，已说明' });
    await decide(returned.id, { outcome: 'return', comments: '请补充审计报告' });
    const rev = (await e.client.get(`/api/applications/${returned.id}`)).json().revision;
    const saved = await e.client.put(`/api/applications/${returned.id}/draft`, { answers: answersWith(returned.license, { revenue: 300 }), baseRevision: rev });
    await e.client.post(`/api/applications/${returned.id}/submit`, { baseRevision: saved.json().revision });

    // The recommendation feature names units on applications; here one is set directly, if units exist.
    unitId = await insertTestUnit(h, programId, '测试推荐单位');
    if (unitId) await sql`update applications set unit_id = ${unitId} where id = ${storage.id}`.execute(h.deps.db);
  });
  after(() => h.close());

  type Row = { key: string; label: string; total: number; byStatus: Record<string, number> };
  const rows = (list: Row[]) => list.map((r) => [r.key, r.label, r.total, r.byStatus]);

  test('counts by track × status, province, unit and channel, and submissions per day', async () => {
    const d = (await organizer.get(`/api/programs/${programId}/dashboard`)).json();
    assert.equal(d.total, 4, 'drafts are not counted');
    assert.deepEqual(d.byStatus, { submitted: 3, eligible: 1 });
    assert.deepEqual(rows(d.byTrack), [['green', '绿色低碳', 3, { submitted: 2, eligible: 1 }], ['storage', '储能', 1, { submitted: 1 }]]);
    assert.deepEqual(rows(d.byRegion).map((r) => r.slice(0, 3)).sort(), [['11', '北京市', 2], ['44', '广东省', 2]]);
    const today = formatShanghai(h.deps.now(), false);
    assert.deepEqual(d.daily, [{ date: today, submitted: 4, resubmitted: 1 }]);
    if (unitId) {
      assert.deepEqual(rows(d.byUnit).map((r) => r.slice(0, 3)), [['', '未经推荐单位', 3], [unitId, '测试推荐单位', 1]]);
      assert.deepEqual(rows(d.byChannel).map((r) => r.slice(0, 3)), [['direct', '直接申报', 3], ['unassigned', '推荐单位未归入推荐渠道', 1]]);
    } else {
      assert.equal(d.byUnit, null);
      assert.deepEqual(rows(d.byChannel).map((r) => r.slice(0, 3)), [['direct', '直接申报', 4]]);
    }
  });

  test('a track-scoped institution sees its track only; others are refused', async () => {
    const d = (await institution.get(`/api/programs/${programId}/dashboard`)).json();
    assert.deepEqual([d.total, d.byTrack.map((r: Row) => r.key)], [3, ['green']]);
    assert.equal((await applicant.get(`/api/programs/${programId}/dashboard`)).statusCode, 403);
    assert.equal((await applicant.get(`/api/programs/${programId}/dashboard/export.xlsx`)).statusCode, 403);
    assert.equal((await h.client().get(`/api/programs/${programId}/dashboard`)).statusCode, 401);
    assert.equal((await organizer.get('/api/programs/forged/dashboard')).statusCode, 404);
  });

  test('the Excel export has the same tables as sheets', async () => {
    const res = await organizer.get(`/api/programs/${programId}/dashboard/export.xlsx`);
    assert.equal(res.statusCode, 200);
    assert.match(String(res.headers['content-type']), /spreadsheetml/);
    assert.match(String(res.headers['content-disposition']), /filename\*=UTF-8''/);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    assert.deepEqual(wb.worksheets.map((w) => w.name), ['概况', '按赛道', '按地区', ...(unitId ? ['按推荐单位'] : []), '按渠道', '每日提交']);
    const tracks = wb.getWorksheet('按赛道')!;
    assert.deepEqual((tracks.getRow(1).values as unknown[]).slice(1), ['代码', '赛道/榜单', '合计', '已提交', '初筛通过']);
    assert.deepEqual((tracks.getRow(2).values as unknown[]).slice(1), ['green', '绿色低碳', 3, 2, 1]);
    assert.deepEqual((tracks.getRow(4).values as unknown[]).slice(2), ['合计', 4, 3, 1]);
    assert.deepEqual((wb.getWorksheet('每日提交')!.getRow(2).values as unknown[]).slice(1), [formatShanghai(h.deps.now(), false), 4, 1]);
  });
});

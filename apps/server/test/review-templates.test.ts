import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { criterionMax, type ProgramDefinition, type Rubric } from '@lvping/domain';
import { startHarness, type Client, type Harness } from './support/harness.ts';
import { solveAssignment } from './support/jobs.ts';
import { ensureFirstAdmin } from '../src/features/access/admin.service.ts';
import { createProgram, setProgramStatus } from '../src/features/programs/program.service.ts';
import { newId } from '../src/db/ids.ts';
import { actorOf } from './support/journey.ts';
import { acceptedExpertsFor } from './support/review.ts';
import { creditCode, withRole } from './support/screening.ts';
import { startSmtpServer } from './support/smtp.ts';

// Each seed program runs through every review round its template defines: assigned, scored
// on the rubric of each track (河南's three 评比细则, 科创中国's list rubrics), ranked, advanced
// by its entry rule (科创中国's 终评 by the secretariat's own pick, with a reason) to the end.
// The applications are put in as "passed screening" directly: how they get there is the
// application and screening tests' business; this is about the rounds.

const TEMPLATES = [
  { slug: 'cnblue-2022', tracks: ['xinnengyuan', 'chuneng'] },
  { slug: 'henan-green-2025', tracks: ['jieneng', 'lvse-sheji'] },
  { slug: 'kczg-2022', tracks: ['xiandao-green', 'xinrui'] },
];
const PER_TRACK = 4;

/** A complete sheet: every gate met, each criterion at `frac` of its scale (a level where levels anchor it). */
function sheetFor(rubric: Rubric, frac: number) {
  const scores: Record<string, number> = {};
  const comments: Record<string, string> = {};
  for (const c of rubric.criteria) {
    const max = criterionMax(c);
    scores[c.id] = c.levels?.length ? c.levels.map((l) => l.score).sort((a, b) => Math.abs(a - frac * max) - Math.abs(b - frac * max))[0] : Math.round((frac * max) / c.step) * c.step;
    comments[c.id] = '评语';
  }
  return { scores, comments, gates: Object.fromEntries(rubric.gates.map((g) => [g.id, { pass: true, note: '' }])), overallComment: '总体评价' };
}

/** Applications put in as "passed screening", PER_TRACK in each track; the quality of each is its index. */
async function eligibleApplications(h: Harness, programId: string, def: ProgramDefinition, tracks: string[], seed: number) {
  const now = h.deps.now();
  const apps: { id: string; trackId: string; quality: number }[] = [];
  const owner = (await h.deps.db.selectFrom('users').select('id').orderBy('created_at').executeTakeFirstOrThrow()).id;
  for (const [k, trackId] of tracks.entries()) {
    const track = def.tracks.find((x) => x.id === trackId)!;
    const version = (await h.deps.db.selectFrom('form_versions').select('version').where('program_id', '=', programId).where('form_id', '=', track.formId).orderBy('version', 'desc').executeTakeFirstOrThrow()).version;
    for (let i = 0; i < PER_TRACK; i++) {
      const n = seed * 100 + k * 10 + i;
      const orgId = newId();
      await h.deps.db.insertInto('organizations').values({
        id: orgId, name: `测试单位${n}`, credit_code: creditCode(5000 + n), region_code: '410100', kind: 'enterprise', address: '郑州', contact_name: '联系人', contact_phone: '0371-1', contact_email: `o${n}@example.com`, owner_user_id: owner, created_at: now, updated_at: now,
      }).execute();
      const id = newId();
      await h.deps.db.insertInto('applications').values({
        id, number: `T${seed}-${n}`, program_id: programId, track_id: trackId, organization_id: orgId, applicant_user_id: owner, status: 'eligible', form_id: track.formId, form_version: version,
        answers_json: '{}', revision: 1, search_text: '', region_code: '410100', deadline_override: null, created_at: now, updated_at: now, submitted_at: now, unit_id: null,
      }).execute();
      apps.push({ id, trackId, quality: i });
    }
  }
  return apps;
}

describe('every seed program runs through its review rounds', { timeout: 600_000 }, () => {
  let h: Harness;
  let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
  let admin: Client;

  before(async () => {
    smtp = await startSmtpServer();
    h = await startHarness('sqlite', { smtpUrl: smtp.url });
    const first = (await ensureFirstAdmin(h.deps))!;
    admin = h.client();
    await admin.login(first.email, first.password);
  });
  after(async () => {
    await h.close();
    await smtp.close();
  });

  for (const [ti, t] of TEMPLATES.entries()) {
    test(t.slug, async () => {
      const actor = await actorOf(h, admin);
      const created = await createProgram(h.deps, actor, { from: 'template', templateSlug: t.slug, slug: `${t.slug}-rounds` });
      const programId = (await setProgramStatus(h.deps, actor, created.id, 'open')).id;
      const def = created.definition as ProgramDefinition;
      const rounds = def.review!.rounds;
      assert.ok(rounds.length >= 2);

      // Applications that passed screening, in two tracks; the quality of each is its index.
      const apps = await eligibleApplications(h, programId, def, t.tracks, ti);
      const most = Math.max(...rounds.map((r) => r.reviewsPerApplication ?? def.review!.reviewsPerApplication));
      const experts = await acceptedExpertsFor(h, admin, smtp, programId, Array.from({ length: most }, (_, i) => ({ name: `专家${ti}-${i}`, orgName: `大学${ti}-${i}`, keywords: ['绿色'], bio: '绿色低碳' })), `t${ti}x`, t.tracks);

      for (const [ri, round] of rounds.entries()) {
        const q = `?round=${round.id}`;
        const solved = await solveAssignment(h, admin, programId, { loadCost: 0 }, round.id);
        assert.equal(solved.feasible, true, `${round.id}: ${JSON.stringify(solved)}`);
        const entrants = new Set(solved.view.items.map((i: { applicationId: string }) => i.applicationId));
        assert.equal((await admin.post(`/api/programs/${programId}/assignment/publish${q}`, {})).statusCode, 200);
        for (const e of experts) {
          for (const item of ((await e.client.get('/api/review-assignments/mine')).json().items as { id: string; applicationId: string; roundId: string }[]).filter((m) => m.roundId === round.id)) {
            assert.equal((await e.client.post(`/api/review-assignments/${item.id}/confirm`, {})).statusCode, 200);
            const url = `/api/review-assignments/${item.id}/sheet`;
            const view = (await e.client.get(url)).json();
            const app = apps.find((a) => a.id === item.applicationId)!;
            const saved = await e.client.put(url, { sheet: sheetFor(view.rubric, 0.55 + 0.1 * app.quality), baseRevision: 0 });
            assert.equal(saved.statusCode, 200, saved.body);
            const submitted = await e.client.post(`${url}/submit`, { baseRevision: saved.json().revision });
            assert.equal(submitted.statusCode, 200, `${t.slug}/${round.id}: ${submitted.body}`);
          }
        }
        const ranking = (await admin.get(`/api/programs/${programId}/review/rounds/${round.id}/ranking`)).json();
        for (const tr of ranking.tracks) {
          // The best application of each track (quality 3) comes first; all its reviews are in.
          assert.equal(apps.find((a) => a.id === tr.items[0].applicationId)!.quality, Math.max(...apps.filter((a) => entrants.has(a.id) && a.trackId === tr.trackId).map((a) => a.quality)), `${t.slug}/${round.id}/${tr.trackId}`);
          assert.equal(tr.unscored.length, 0);
        }
        if (ri === rounds.length - 1) break;
        const preview = (await admin.get(`/api/programs/${programId}/review/rounds/${round.id}/advance`)).json();
        const next = rounds[ri + 1];
        const proposed = preview.tracks.flatMap((x: { items: { applicationId: string; proposed: boolean }[] }) => x.items.filter((i) => i.proposed).map((i) => i.applicationId));
        // A manual pick (科创中国's 终评) proposes nobody: the secretariat takes the best two of each list, with its reason.
        const include = next.entry.kind === 'manual' ? preview.tracks.flatMap((x: { items: { applicationId: string }[] }) => x.items.slice(0, 2).map((i) => i.applicationId)) : proposed;
        if (next.entry.kind === 'topN') for (const x of preview.tracks) assert.equal(x.items.filter((i: { proposed: boolean }) => i.proposed).length, Math.min(next.entry.n, x.items.length));
        const r = await admin.post(`/api/programs/${programId}/review/rounds/${round.id}/advance`, { include, ...(next.entry.kind === 'manual' ? { reason: '秘书处综合评议' } : {}) });
        assert.equal(r.statusCode, 200, r.body);
        assert.equal(r.json().entered, include.length);
      }
    });
  }

  test('科创中国: a list’s 初评机构 runs its own list’s 初评, and nothing else', async () => {
    const actor = await actorOf(h, admin);
    const created = await createProgram(h.deps, actor, { from: 'template', templateSlug: 'kczg-2022', slug: 'kczg-institution' });
    const programId = (await setProgramStatus(h.deps, actor, created.id, 'open')).id;
    const def = created.definition as ProgramDefinition;
    const apps = await eligibleApplications(h, programId, def, ['xinrui', 'rongtong'], 9);
    await acceptedExpertsFor(h, admin, smtp, programId, Array.from({ length: 3 }, (_, i) => ({ name: `机构专家${i}`, orgName: `研究院${i}`, keywords: ['企业'], bio: '企业创新' })), 'inst', ['xinrui']);
    const institution = await withRole(h, actor, 'xinrui-inst@example.com', 'review_institution', programId, 'xinrui');
    const base = `/api/programs/${programId}/assignment`;
    const solved = await solveAssignment(h, institution, programId, { loadCost: 0 }, 'chuping');
    const ids = new Set(solved.view.items.map((i: { applicationId: string }) => i.applicationId));
    assert.deepEqual([...ids].sort(), apps.filter((a) => a.trackId === 'xinrui').map((a) => a.id).sort(), 'its own list only');
    assert.equal((await institution.post(`${base}/publish?round=chuping`, {})).statusCode, 200);
    const progress = (await institution.get(`/api/programs/${programId}/review/rounds/chuping/progress`)).json();
    assert.deepEqual(progress.tracks.map((t: { trackId: string }) => t.trackId), ['xinrui']);
    assert.equal(progress.totals.assigned, PER_TRACK * 3);
    assert.deepEqual((await institution.get(`/api/programs/${programId}/review/rounds/chuping/ranking`)).json().tracks.map((t: { trackId: string }) => t.trackId), ['xinrui']);
    assert.equal((await institution.get(`/api/programs/${programId}/review/rounds/chuping/advance`)).statusCode, 403, 'the secretariat decides who goes on');
    assert.equal((await institution.get(`${base}?round=zhongping`)).statusCode, 403, '终评 is the secretariat’s');
    // The organizer's own solve of the other list leaves the institution's published assignments alone.
    const all = await solveAssignment(h, admin, programId, { loadCost: 0 }, 'chuping');
    assert.equal(all.view.items.filter((i: { applicationId: string; status: string }) => ids.has(i.applicationId) && i.status === 'published').length, PER_TRACK * 3);
  });
});

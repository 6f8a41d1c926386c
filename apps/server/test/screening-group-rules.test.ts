import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { ProgramDefinitionInput } from '@lvping/domain';
import { describeEachEngine } from './support/engines.ts';
import { startHarness, type Client, type Harness } from './support/harness.ts';
import { ensureFirstAdmin } from '../src/features/access/admin.service.ts';
import { createProgram, setProgramStatus } from '../src/features/programs/program.service.ts';
import { actorOf, applicantWithOrg } from './support/journey.ts';
import { answersWith, creditCode, withRole } from './support/screening.ts';
import { testProgram } from './support/program-fixture.ts';
import { multipart, samplePdf } from './support/journey.ts';
import type { Actor } from '../src/context.ts';

// A rule over a repeating group on both engines: "at least 2 application cases in China, each in
// use for a year before the call closes" — the date counted from the call's own end. The submit
// is refused at the group with each case's reason, accepted once two cases qualify (a newer third
// may stay listed), and the screener gets the rule with one reason per case.

type Item = { index: number; status: string; reason: { 'zh-CN': string; en: string } };

function groupRuleProgram(slug: string, now: number): ProgramDefinitionInput {
  const def = testProgram(slug, now);
  const form = def.forms[0] as { sections: unknown[] };
  form.sections.push({
    id: 'cases', title: '应用案例',
    fields: [{
      id: 'list', kind: 'group', label: '应用案例', itemLabel: '案例', maxItems: 5,
      fields: [
        { id: 'name', kind: 'text', label: '案例名称', required: true, maxChars: 50 },
        { id: 'country', kind: 'choice', label: '所在国家', options: [{ value: 'cn', label: '中国' }, { value: 'abroad', label: '境外' }] },
        { id: 'startDate', kind: 'date', label: '开始应用时间', precision: 'month' },
      ],
    }],
  });
  def.tracks[0].eligibility = {
    rules: [{
      id: 'two-cases', kind: 'countAtLeast', field: 'cases.list', min: 2, checkAtSubmit: true,
      description: '至少2个在中国境内、应用满1年（截至征集截止日）的案例', descriptionEn: 'At least 2 cases in China, each in use for a year when the call closes',
      where: [
        { field: 'country', kind: 'choiceIn', values: ['cn'] },
        { field: 'startDate', kind: 'dateOnOrBefore', date: { phase: 'call', at: 'end', offsetYears: -1 } },
      ],
    }],
    checklist: [],
  };
  return def;
}

describeEachEngine('screening: rules over repeating groups', (engine) => {
  let h: Harness;
  let programId: string;
  let organizer: Client;
  let cutoff: string;

  before(async () => {
    h = await startHarness(engine);
    const first = (await ensureFirstAdmin(h.deps))!;
    const ac = h.client();
    await ac.login(first.email, first.password);
    const admin: Actor = await actorOf(h, ac);
    const def = groupRuleProgram('group-rules', h.deps.now());
    const created = await createProgram(h.deps, admin, { from: 'text', format: 'json', text: JSON.stringify(def) });
    programId = (await setProgramStatus(h.deps, admin, created.id, 'open')).id;
    organizer = await withRole(h, admin, 'organizer@example.com', 'organizer', programId);
    // The call ends "YYYY-MM-DD 24:00": a year before that day.
    const [y, m, d] = def.phases[0].endsAt.slice(0, 10).split('-');
    cutoff = `${Number(y) - 1}-${m}-${d}`;
  });
  after(async () => {
    await h.close();
  });

  test('submit refused while one case qualifies, accepted with two (a newer third stays); the screener reads each case', async () => {
    const a = await applicantWithOrg(h, 'cases@example.com', creditCode(41));
    const created = await a.client.post('/api/applications', { programId, trackId: 'green', organizationId: a.orgId });
    assert.equal(created.statusCode, 200, created.body);
    const id = created.json().id as string;
    const license = (await a.client.upload(`/api/applications/${id}/files?field=basic.license`, multipart('营业执照.pdf', samplePdf, 'application/pdf'))).json();
    const year = Number(cutoff.slice(0, 4));
    const old = { name: '郑州项目', country: 'cn', startDate: `${year - 3}-05` };
    const newer = { name: '洛阳项目', country: 'cn', startDate: `${year + 1}-01` };
    const abroad = { name: '海外项目', country: 'abroad', startDate: `${year - 5}-01` };

    let revision = 0;
    const save = async (list: unknown[]) => {
      const r = await a.client.put(`/api/applications/${id}/draft`, { answers: { ...answersWith(license), cases: { list } }, baseRevision: revision });
      assert.equal(r.statusCode, 200, r.body);
      revision = r.json().revision;
    };
    await save([old, newer, abroad]);
    const refused = await a.client.post(`/api/applications/${id}/submit`, { baseRevision: revision });
    assert.equal(refused.statusCode, 400, refused.body);
    const body = refused.json().error;
    assert.equal(body.code, 'VALIDATION');
    const err = body.fields.find((f: { path: string }) => f.path === 'cases.list');
    assert.ok(err, JSON.stringify(body.fields));
    assert.match(err.message['zh-CN'], /^不符合：至少2个在中国境内.*（符合条件的 1 项，至少需要 2 项）/);
    assert.ok(err.message['zh-CN'].includes(`案例2：开始应用时间 ${year + 1}-01 晚于 ${cutoff}`), err.message['zh-CN']);
    assert.ok(err.message['zh-CN'].includes('案例3：所在国家为境外，不在（中国）之中'), err.message['zh-CN']);
    assert.ok(err.message.en.includes(`Item 2: 开始应用时间 ${year + 1}-01 is after ${cutoff}`), err.message.en);
    assert.equal((await a.client.get(`/api/applications/${id}`)).json().status, 'draft', 'nothing changed');

    await save([old, newer, { ...old, name: '开封项目', startDate: `${year - 2}-11` }]);
    const ok = await a.client.post(`/api/applications/${id}/submit`, { baseRevision: revision });
    assert.equal(ok.statusCode, 200, ok.body);
    assert.equal(ok.json().status, 'submitted');

    const view = (await organizer.get(`/api/applications/${id}/screening`)).json();
    const [rule] = view.rules;
    assert.deepEqual([rule.ruleId, rule.status, rule.value], ['two-cases', 'pass', '2 / 3']);
    assert.deepEqual(rule.items.map((i: Item) => [i.index, i.status]), [[0, 'pass'], [1, 'fail'], [2, 'pass']]);
    assert.equal(rule.items[0].reason['zh-CN'], `案例1：符合（所在国家为中国；开始应用时间 ${year - 3}-05 不晚于 ${cutoff}）`);
    assert.equal(rule.items[1].reason['zh-CN'], `案例2：开始应用时间 ${year + 1}-01 晚于 ${cutoff}`);
    assert.equal(rule.items[1].reason.en, `Item 2: 开始应用时间 ${year + 1}-01 is after ${cutoff}`);
    assert.deepEqual(view.ruleSummary, { pass: 1, fail: 0, unknown: 0 });

    const queue = (await organizer.get(`/api/programs/${programId}/screening/queue?trackId=green`)).json();
    assert.deepEqual(queue.items.find((i: { id: string }) => i.id === id).ruleSummary, { pass: 1, fail: 0, unknown: 0 });
  });

  test('the definition refuses a group rule that does not fit, naming what would', async () => {
    const def = groupRuleProgram('group-rules-bad', h.deps.now());
    def.tracks[0].eligibility!.rules = [{ id: 'two-cases', kind: 'dateBefore', field: 'cases.list', date: { phase: 'call', at: 'end', offsetYears: -1 }, description: '案例早于截止前1年' }];
    const r = await organizer.post('/api/programs/validate', { format: 'json', text: JSON.stringify(def) });
    assert.equal(r.statusCode, 200, r.body);
    assert.equal(r.json().ok, false);
    assert.deepEqual(r.json().problems, [{
      path: 'tracks.0.eligibility.rules.0.kind',
      message: {
        'zh-CN': '规则 two-cases 的类型 dateBefore 不适用于重复组（列表）字段 cases.list；适用于该字段的类型：countAtLeast、countAtMost、answered',
        en: 'rule two-cases: kind dateBefore does not fit the repeating group field cases.list; kinds that fit it: countAtLeast, countAtMost, answered',
      },
    }]);
  });
});

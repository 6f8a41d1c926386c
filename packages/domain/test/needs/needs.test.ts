import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ProgramDefinitionSchema } from '../../src/program/program-definition.schema.ts';
import { issuesToFieldErrors } from '../../src/api/zod-issues.ts';
import { rubricProblems } from '../../src/review/rubric.schema.ts';
import { RubricSchema } from '../../src/review/rubric.schema.ts';
import { NeedFieldsSchema, ReviewNeedRequestSchema, type NeedFieldsInput } from '../../src/needs/need.schema.ts';
import { buildJiebangProgram, jiebangRubric, type JiebangNeed } from '../../src/needs/jiebang-program.ts';
import { addDays } from '../../src/publicity/working-days.ts';
import { milestoneState, summarizeSolver, SetMilestonesRequestSchema, MilestoneScoreRequestSchema } from '../../src/needs/milestone.schema.ts';
import { shanghaiToEpoch } from '../../src/program/shanghai-time.ts';

// 技术需求 fields, the 揭榜挂帅 definition builder and the 赛马 milestone arithmetic.

const fields = (over: Partial<NeedFieldsInput> = {}): NeedFieldsInput => ({
  problem: '钢铁烧结烟气低温脱硝', description: '烧结烟气温度低、波动大。', fieldId: 'glt2024-2',
  indicators: [{ name: '脱硝效率', target: 90, unit: '%' }, { name: '氨逃逸', target: 3, unit: 'ppm', direction: 'atMost' }],
  budget: { min: 300, max: 800 }, deadline: '2031-06-30', funded: true,
  contact: { name: '李工', phone: '13912345678', email: 'li@example.com' }, ...over,
});

const need = (i: number, deadline: string): JiebangNeed => {
  const f = NeedFieldsSchema.parse(fields({ problem: `共性难点第${i}项`, deadline }));
  return { id: `n${i}`, problem: f.problem, description: f.description, fieldId: f.fieldId, indicators: f.indicators, budget: f.budget, deadline: f.deadline, funded: f.funded, posterName: `发榜企业${i}` };
};

test('need fields: valid input parses with defaults; each bad field has its own bilingual message', () => {
  const ok = NeedFieldsSchema.parse(fields());
  assert.equal(ok.indicators[0].direction, 'atLeast');
  const bad = NeedFieldsSchema.safeParse(fields({
    problem: '难', fieldId: 'glt2024-99', indicators: [], budget: { min: 900, max: 100 }, deadline: '2031-02-30',
    contact: { name: '李', phone: '12345', email: 'no' },
  }));
  assert.equal(bad.success, false);
  const errors = issuesToFieldErrors(bad.error!.issues);
  const byPath = Object.fromEntries(errors.map((e) => [e.path, e.message]));
  assert.deepEqual(Object.keys(byPath).sort(), ['budget.max', 'contact.email', 'contact.name', 'contact.phone', 'deadline', 'fieldId', 'indicators', 'problem']);
  assert.match(byPath['budget.max']['zh-CN'], /上限不能低于下限/);
  assert.match(byPath.fieldId.en, /2024 green industry catalogue/);
  assert.match(byPath.deadline['zh-CN'], /YYYY-MM-DD/);
  assert.equal(ReviewNeedRequestSchema.safeParse({ decision: 'reject', note: '' }).success, false);
  assert.equal(ReviewNeedRequestSchema.safeParse({ decision: 'publish' }).success, true);
});

test('the 揭榜 rubric: weights sum to 100, no problems', () => {
  const r = RubricSchema.parse(jiebangRubric);
  assert.equal(r.criteria.reduce((s, c) => s + c.weight, 0), 100);
  assert.deepEqual(rubricProblems(r), []);
  assert.deepEqual(r.criteria.map((c) => c.name).slice(0, 4), ['技术方案可行性', '指标先进性（对照榜单目标）', '团队能力与前期基础', '经费合理性']);
});

for (const count of [1, 3]) {
  test(`builder: ${count} need(s) give a valid definition with one track and one form per need`, () => {
    const needs = Array.from({ length: count }, (_, i) => need(i + 1, addDays('2031-05-31', i * 10)));
    const { definition, tracks } = buildJiebangProgram({ slug: `jb-${count}`, name: '揭榜挂帅测试', organizers: ['绿评平台'], opensOn: '2031-03-01', needs, solversPerNeed: 2 });
    const parsed = ProgramDefinitionSchema.safeParse(definition);
    assert.ok(parsed.success, JSON.stringify(parsed.error?.issues));
    const def = parsed.data!;
    assert.equal(def.tracks.length, count);
    assert.deepEqual(tracks.map((t) => t.needId), needs.map((n) => n.id));
    assert.deepEqual(def.tracks.map((t) => t.name), needs.map((n) => n.problem));
    assert.equal(new Set(def.tracks.map((t) => t.formId)).size, count, 'a form per need');
    assert.match(def.tracks[0].description!, /脱硝效率 ≥ 90%；氨逃逸 ≤ 3ppm/);
    assert.match(def.tracks[0].description!, /经费预算：300–800 万元（发榜单位出资）/);
    assert.deepEqual(def.tracks[0].awardTiers.map((t) => [t.id, t.count]), [['funded', 2]]);
    // The call runs to the latest deadline; review and publication follow.
    const call = def.phases.find((p) => p.kind === 'call')!;
    assert.equal(call.endsAt, `${addDays('2031-05-31', (count - 1) * 10)} 24:00`);
    assert.equal(def.phases.find((p) => p.id === 'review')!.startsAt, addDays('2031-05-31', (count - 1) * 10 + 1));
    assert.equal(def.review!.rounds.length, 1);
    assert.equal(def.review!.rounds[0].rubric, 'jiebang');
    const form = def.forms.find((f) => f.id === def.tracks[0].formId)!;
    const indicators = form.sections.find((s) => s.id === 'indicators')!;
    assert.deepEqual(indicators.fields.map((f) => f.label), ['脱硝效率（榜单目标 ≥ 90%）', '氨逃逸（榜单目标 ≤ 3ppm）']);
    assert.equal(def.decision!.approval.by, 'none');
  });
}

test('builder: a committee approval validates; a need whose deadline is before the call fails the schema', () => {
  const { definition } = buildJiebangProgram({ slug: 'jb-c', name: '揭榜', organizers: ['平台'], opensOn: '2031-03-01', needs: [need(1, '2031-06-30')], approval: 'committee' });
  assert.ok(ProgramDefinitionSchema.safeParse(definition).success);
  const early = buildJiebangProgram({ slug: 'jb-e', name: '揭榜', organizers: ['平台'], opensOn: '2031-07-01', needs: [need(1, '2031-06-30')] });
  assert.equal(ProgramDefinitionSchema.safeParse(early.definition).success, false);
});

test('milestones: states by the Shanghai end of the due day, summaries and averages', () => {
  const due = shanghaiToEpoch('2031-06-30', { endOfDay: true });
  assert.equal(milestoneState('2031-06-30', due, due + 1), 'on_time');
  assert.equal(milestoneState('2031-06-30', due + 1, due + 1), 'late');
  assert.equal(milestoneState('2031-06-30', null, due + 1), 'overdue');
  assert.equal(milestoneState('2031-06-30', null, due), 'pending');
  const s = summarizeSolver([
    { dueOn: '2031-06-30', firstReportAt: due - 1000, scores: [80, 90] },
    { dueOn: '2031-06-30', firstReportAt: due + 1000, scores: [70] },
    { dueOn: '2031-06-30', firstReportAt: null, scores: [] },
    { dueOn: '2031-12-31', firstReportAt: null, scores: [] },
  ], due + 5000);
  assert.deepEqual(s.states, ['on_time', 'late', 'overdue', 'pending']);
  assert.deepEqual(s.milestoneScores, [85, 70, null, null]);
  assert.equal(s.averageScore, 77.5);
  assert.equal(s.onTimeRate, 33.3);
  assert.deepEqual([s.onTime, s.late, s.overdue, s.pending], [1, 1, 1, 1]);
  assert.equal(summarizeSolver([], 0).averageScore, null);
});

test('milestone requests: names, dates, scores 0–100 with a comment', () => {
  assert.ok(SetMilestonesRequestSchema.safeParse({ milestones: [{ name: '中试', dueOn: '2031-09-30' }] }).success);
  const bad = SetMilestonesRequestSchema.safeParse({ milestones: [{ name: '', dueOn: '2031-13-01' }] });
  assert.deepEqual(issuesToFieldErrors(bad.error!.issues).map((e) => e.path).sort(), ['milestones.0.dueOn', 'milestones.0.name']);
  assert.equal(SetMilestonesRequestSchema.safeParse({ milestones: [] }).success, false);
  assert.ok(MilestoneScoreRequestSchema.safeParse({ score: 100, comment: '按期完成' }).success);
  assert.equal(MilestoneScoreRequestSchema.safeParse({ score: 101, comment: '很好' }).success, false);
  assert.equal(MilestoneScoreRequestSchema.safeParse({ score: 60, comment: '' }).success, false);
});

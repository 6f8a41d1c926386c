import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { parseDefinitionText } from '../../src/program/definition-text.ts';
import type { ProgramDefinition } from '../../src/program/program-definition.schema.ts';
import { rubricFor } from '../../src/review/review-definition.schema.ts';
import { sheetProblems, sheetTotal, type Sheet } from '../../src/review/score-sheet.ts';
import { RubricSchema, type Rubric } from '../../src/review/rubric.schema.ts';

// Review rounds and rubrics in the program definition: the seed programs' rounds, the
// validation that explains each mistake in both languages, and the score sheet's arithmetic.

const template = (name: string) => readFileSync(new URL(`../../../../templates/${name}.yaml`, import.meta.url), 'utf8');

function parse(text: string): ProgramDefinition {
  const parsed = parseDefinitionText(text, 'yaml');
  if (!parsed.ok) assert.fail(parsed.problems.map((p) => `${p.path}: ${p.message['zh-CN']}`).join('\n'));
  return parsed.definition;
}

/** The problems of a template after `edit` changed its parsed YAML. */
function problemsAfter(name: string, edit: (d: any) => void) {
  const d = JSON.parse(JSON.stringify(parse(template(name))));
  edit(d);
  const parsed = parseDefinitionText(JSON.stringify(d), 'json');
  assert.equal(parsed.ok, false, 'the edit should be refused');
  return parsed.ok ? [] : parsed.problems;
}

const sheet = (s: Partial<Sheet>): Sheet => ({ scores: {}, comments: {}, gates: {}, overallComment: '', ...s });

describe('review rounds of the seed programs', () => {
  test('创蓝: 入围评估 → 现场考察 → 路演, on the call’s five weighted dimensions', () => {
    const def = parse(template('cnblue-2022'));
    const review = def.review!;
    assert.deepEqual(review.rounds.map((r) => [r.id, r.phase, r.entry.kind]), [['ruwei', 'ruwei', 'all'], ['kaocha', 'kaocha', 'topN'], ['luyan', 'luyan', 'topN']]);
    const rubric = rubricFor(review, review.rounds[0], 'chuneng');
    assert.deepEqual(rubric.criteria.map((c) => [c.name, c.weight]), [['绿色低碳效益', 25], ['科技创新性', 20], ['团队与战略', 20], ['成长潜力', 20], ['IP 竞争力', 15]]);
    assert.ok(review.rounds[0].identifying[0].fields.includes('basic.name'));
  });

  test('河南: 基本要求 as gates, three 评比细则 by track, 8 + 7 minute roadshows', () => {
    const def = parse(template('henan-green-2025'));
    const review = def.review!;
    assert.deepEqual(review.rounds.map((r) => def.phases.find((p) => p.id === r.phase)!.kind), ['preliminary', 'roadshow', 'final']);
    const tech = rubricFor(review, review.rounds[0], 'jieneng');
    assert.deepEqual(tech.gates.map((g) => g.name), ['具有独立法人资格', '技术知识产权清晰']);
    assert.deepEqual(tech.criteria.map((c) => c.name), ['技术成熟度', '技术创新点', '经济效益', '推广潜力']);
    assert.deepEqual(rubricFor(review, review.rounds[1], 'lvse-sheji').criteria.map((c) => c.name), ['资源属性指标', '能源属性指标', '环境属性指标', '品质属性指标', '低碳属性指标']);
    assert.deepEqual(rubricFor(review, review.rounds[2], 'gongyingshang').criteria.map((c) => c.weight), [34, 33, 33]);
    assert.deepEqual(review.rounds[1].timing, { presentMinutes: 8, qaMinutes: 7 });
  });

  test('科创中国: 初评 by each list’s 初评机构, then the secretariat’s 终评 by its own pick', () => {
    const def = parse(template('kczg-2022'));
    const [chuping, zhongping] = def.review!.rounds;
    assert.equal(chuping.assignedBy, 'institution');
    assert.equal(zhongping.entry.kind, 'manual');
    for (const t of def.tracks) assert.equal(rubricFor(def.review!, chuping, t.id).criteria.reduce((s, c) => s + c.weight, 0), 100, t.id);
  });
});

describe('definition validation explains review mistakes in both languages', () => {
  test('weights that do not sum to 100', () => {
    const problems = problemsAfter('cnblue-2022', (d) => { d.review.rubrics[0].criteria[0].weight = 30; });
    const p = problems.find((x) => x.path === 'review.rubrics.0.criteria');
    assert.ok(p, JSON.stringify(problems));
    assert.match(p.message['zh-CN'], /权重之和为 105，应为 100/);
    assert.match(p.message.en, /sum to 105, not 100/);
  });

  test('a round with no rubric, or one that is not defined', () => {
    const missing = problemsAfter('cnblue-2022', (d) => { delete d.review.rounds[1].rubric; });
    assert.ok(missing.some((x) => x.path === 'review.rounds.1.rubric' && x.message['zh-CN'] === '此项为必填项' && x.message.en === 'This field is required'), JSON.stringify(missing));
    const undefinedRubric = problemsAfter('cnblue-2022', (d) => { d.review.rounds[1].rubric = 'nope'; });
    assert.ok(undefinedRubric.some((x) => x.path === 'review.rounds.1.rubric' && /评分标准 nope 未定义/.test(x.message['zh-CN']) && /nope is not defined/.test(x.message.en)));
  });

  test('an entry rule pointing at a missing or a later round', () => {
    const missing = problemsAfter('cnblue-2022', (d) => { d.review.rounds[1].entry.from = 'ghost'; });
    assert.ok(missing.some((x) => x.path === 'review.rounds.1.entry.from' && /不存在的轮次 ghost/.test(x.message['zh-CN']) && /does not exist: ghost/.test(x.message.en)));
    const later = problemsAfter('cnblue-2022', (d) => { d.review.rounds[1].entry.from = 'luyan'; });
    assert.ok(later.some((x) => x.path === 'review.rounds.1.entry.from' && /其后的轮次 luyan/.test(x.message['zh-CN']) && /later round: luyan/.test(x.message.en)));
  });

  test('a round in a phase that is not a review phase, a blind round without identifying fields, a missing field', () => {
    const problems = problemsAfter('cnblue-2022', (d) => {
      d.review.rounds[0].phase = 'zhengji';
      d.review.rounds[1].blind = true;
      d.review.rounds[1].identifying = [];
      d.review.rounds[2].identifying = [{ form: 'baoming', fields: ['basic.nothing'] }];
    });
    assert.ok(problems.some((x) => x.path === 'review.rounds.0.phase' && /不是评审阶段/.test(x.message['zh-CN']) && /not a review phase/.test(x.message.en)));
    assert.ok(problems.some((x) => x.path === 'review.rounds.1.identifying' && /匿名评审/.test(x.message['zh-CN'])));
    assert.ok(problems.some((x) => x.path === 'review.rounds.2.identifying.0.fields.0' && /basic.nothing/.test(x.message.en)));
  });

  test('a first round that does not take everyone, a level scale with two equal scores, a step that does not fit', () => {
    const problems = problemsAfter('henan-green-2025', (d) => {
      d.review.rounds[0].entry = { kind: 'topN', n: 3 };
      d.review.rubrics[1].criteria[0].levels = [{ score: 5, text: '好' }, { score: 5, text: '很好' }];
      d.review.rubrics[2].criteria[0].step = 5;
    });
    assert.ok(problems.some((x) => x.path === 'review.rounds.0.entry.kind'));
    assert.ok(problems.some((x) => x.path === 'review.rubrics.1.criteria.0.levels' && /档次分值重复/.test(x.message['zh-CN'])));
    assert.ok(problems.some((x) => x.path === 'review.rubrics.2.criteria.0.step' && /not a multiple of step 5/.test(x.message.en)));
  });
});

const rubric: Rubric = RubricSchema.parse({
  id: 'r',
  name: '测试',
  gates: [{ id: 'faren', name: '具有独立法人资格' }],
  criteria: [
    { id: 'a', name: '技术', weight: 40, max: 10, commentBelow: 5 },
    { id: 'b', name: '效益', weight: 35, max: 5, step: 0.5 },
    { id: 'c', name: '推广', weight: 25, levels: [{ score: 0, text: '差' }, { score: 3, text: '中' }, { score: 6, text: '优' }] },
  ],
});

describe('score sheet', () => {
  test('the total is Σ weight × score / max', () => {
    const t = sheetTotal(rubric, sheet({ scores: { a: 8, b: 2.5, c: 6 }, gates: { faren: { pass: true, note: '' } } }));
    // 40·8/10 + 35·2.5/5 + 25·6/6 = 32 + 17.5 + 25
    assert.equal(t.total, 74.5);
    assert.deepEqual(t.parts.map((p) => p.weighted), [32, 17.5, 25]);
    assert.equal(sheetTotal(rubric, sheet({ scores: { a: 8, b: 2.5 } })).total, null, 'incomplete: no total');
  });

  test('a failed gate has no total and says why; its criteria need not be scored', () => {
    const s = sheet({ gates: { faren: { pass: false, note: '为分公司，不具有独立法人资格' } }, overallComment: '不满足基本要求' });
    const t = sheetTotal(rubric, s);
    assert.equal(t.total, null);
    assert.deepEqual(t.failedGates, [{ gateId: 'faren', name: '具有独立法人资格', note: '为分公司，不具有独立法人资格' }]);
    assert.deepEqual(sheetProblems(rubric, s, { complete: true }), []);
    const noReason = sheetProblems(rubric, { ...s, gates: { faren: { pass: false, note: ' ' } } }, { complete: true });
    assert.deepEqual(noReason.map((p) => p.path), ['gates.faren.note']);
  });

  test('submission needs every score, the gates, a comment below the threshold and the overall comment', () => {
    const problems = sheetProblems(rubric, sheet({ scores: { a: 4 } }), { complete: true });
    assert.deepEqual(problems.map((p) => p.path), ['gates.faren', 'comments.a', 'scores.b', 'scores.c', 'overallComment']);
    assert.match(problems[1].message['zh-CN'], /低于 5 分时须填写评语/);
    const ok = sheet({ scores: { a: 4, b: 5, c: 3 }, comments: { a: '创新点不足' }, gates: { faren: { pass: true, note: '' } }, overallComment: '总体良好' });
    assert.deepEqual(sheetProblems(rubric, ok, { complete: true }), []);
  });

  test('a draft reports only wrong values: out of range, off the step, not a level, unknown criteria', () => {
    const problems = sheetProblems(rubric, sheet({ scores: { a: 11, b: 0.3, c: 4, x: 1 } }), { complete: false });
    assert.deepEqual(problems.map((p) => p.path).sort(), ['scores.a', 'scores.b', 'scores.c', 'scores.x']);
    assert.match(problems.find((p) => p.path === 'scores.a')!.message['zh-CN'], /0–10/);
    assert.match(problems.find((p) => p.path === 'scores.c')!.message.en, /0, 3, 6/);
    assert.deepEqual(sheetProblems(rubric, sheet({ scores: { a: 3 } }), { complete: false }), [], 'missing is fine in a draft');
  });
});

import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { validateAnswers, type ValidateMode } from '../../src/form/index.ts';
import { pdf, template, validAnswers } from './fixtures.ts';

type Answers = Record<string, Record<string, unknown>>;

/** Answers with one value replaced (undefined deletes it). */
function patch(section: string, field: string, value: unknown): Answers {
  const a = validAnswers();
  a[section] = { ...(a[section] ?? {}) };
  if (value === undefined) delete a[section][field];
  else a[section][field] = value;
  return a;
}

function errorsAt(answers: unknown, mode: ValidateMode = 'submit') {
  const r = validateAnswers(template, answers, { mode });
  assert.equal(r.ok, r.errors.length === 0);
  return Object.fromEntries(r.errors.map((e) => [e.path, e.message]));
}

/** Asserts exactly one error, at `path`, whose Chinese message contains `zh`; returns it. */
function onlyError(answers: unknown, path: string, zh: string, mode: ValidateMode = 'submit') {
  const r = validateAnswers(template, answers, { mode });
  assert.equal(r.ok, false, `expected an error at ${path}`);
  assert.deepEqual(r.errors.map((e) => e.path), [path], JSON.stringify(r.errors));
  const message = r.errors[0].message;
  assert.ok(message['zh-CN'].includes(zh), `${message['zh-CN']} should include ${zh}`);
  // The English text is its own sentence (units such as 万元 are template data and stay as written).
  assert.ok(message.en.length > 0 && message.en !== message['zh-CN'] && /[A-Za-z]{2}/.test(message.en), `English message: ${message.en}`);
  return message;
}

describe('validateAnswers: whole form', () => {
  test('complete answers pass in both modes', () => {
    assert.deepEqual(validateAnswers(template, validAnswers(), { mode: 'submit' }), { ok: true, errors: [] });
    assert.deepEqual(validateAnswers(template, validAnswers(), { mode: 'draft' }), { ok: true, errors: [] });
  });

  test('an empty draft is fine; an empty submission lists every required field', () => {
    assert.deepEqual(validateAnswers(template, {}, { mode: 'draft' }).errors, []);
    const errors = errorsAt({});
    assert.deepEqual(Object.keys(errors).sort(), [
      'attachments.license', 'basic.companyName', 'basic.creditCode', 'basic.founded', 'basic.industry', 'basic.intro', 'basic.isHighTech',
      'basic.region', 'basic.staff', 'innovation.rd', 'pledge.promise', 'pledge.stamp', 'team.members',
    ]);
    assert.deepEqual(errors['basic.companyName'], { 'zh-CN': '此项为必填项', en: 'This field is required' });
    assert.equal(errors['pledge.promise']['zh-CN'], '请阅读并勾选承诺申明');
    assert.equal(errors['team.members']['zh-CN'], '至少需要 1 项');
  });

  test('answers that are not an object are one error at the root', () => {
    assert.deepEqual(errorsAt([1, 2]), { '': { 'zh-CN': '答案格式错误，应为对象', en: 'Answers must be an object' } });
    assert.deepEqual(Object.keys(errorsAt({ ...validAnswers(), basic: 'x' })), ['basic']);
  });

  test('unknown sections and fields are errors in both modes, even in a hidden section', () => {
    const a = validAnswers();
    a.extra = { x: 1 };
    a.basic.nickname = '绿能';
    a.highTech = { certificate: pdf(), typo: 1 };
    for (const mode of ['draft', 'submit'] as const) {
      const errors = errorsAt(a, mode);
      assert.deepEqual(Object.keys(errors).sort(), ['basic.nickname', 'extra', 'highTech.typo']);
      assert.deepEqual(errors['basic.nickname'], { 'zh-CN': '未知的字段', en: 'Unknown field' });
      assert.equal(errors.extra.en, 'Unknown section');
    }
  });

  test('draft mode checks types and limits but no requirements or minimums', () => {
    const draft = { basic: { companyName: 42, intro: '太短', staff: -1, fields: [] }, pledge: { promise: false } };
    const errors = errorsAt(draft, 'draft');
    assert.deepEqual(Object.keys(errors).sort(), ['basic.companyName', 'basic.staff']);
    assert.equal(errors['basic.companyName']['zh-CN'], '类型错误，应为文本');
    const submitted = errorsAt(draft, 'submit');
    assert.ok(submitted['basic.intro']['zh-CN'].startsWith('不能少于 20 字'));
    assert.ok('basic.creditCode' in submitted && 'pledge.promise' in submitted);
  });
});

describe('validateAnswers: what a draft may hold', () => {
  const malformedAt = (answers: unknown) => (validateAnswers(template, answers, { mode: 'draft' }).malformed ?? []).map((e) => e.path).sort();

  test('wrong values (over a limit, out of range, a wrong plain type) are problems, not malformed', () => {
    const r = validateAnswers(template, { basic: { companyName: '绿'.repeat(60), staff: '八十六', capital: -5, intro: 42, trl: 12 } }, { mode: 'draft' });
    assert.deepEqual(r.errors.map((e) => e.path).sort(), ['basic.capital', 'basic.companyName', 'basic.intro', 'basic.staff', 'basic.trl']);
    assert.equal(r.malformed, undefined);
  });

  test('what is no answer of the form at all is malformed', () => {
    assert.deepEqual(malformedAt([1]), ['']);
    assert.deepEqual(malformedAt({ extra: {}, basic: { nickname: 1, companyName: { a: 1 }, staff: [1], fields: 'x' } }), ['basic.companyName', 'basic.fields', 'basic.nickname', 'basic.staff', 'extra']);
    assert.deepEqual(malformedAt({ innovation: { rd: { typo: {} } } }), ['innovation.rd.typo']);
    assert.deepEqual(malformedAt({ innovation: { rdIntensity: 3 } }), ['innovation.rdIntensity'], 'a computed field takes no answer');
  });
});

describe('validateAnswers: field kinds', () => {
  test('text: the 字 limit message shows the limit and the count in both languages', () => {
    const message = onlyError(patch('basic', 'intro', '绿'.repeat(215)), 'basic.intro', '不能超过 200 字');
    assert.deepEqual(message, { 'zh-CN': '不能超过 200 字（当前 215 字）', en: 'At most 200 characters (now 215)' });
    assert.deepEqual(errorsAt(patch('basic', 'intro', `${'绿'.repeat(200)}\n\n  `)), {}, 'whitespace does not count');
    onlyError(patch('basic', 'intro', '绿'.repeat(215)), 'basic.intro', '不能超过 200 字', 'draft');
    onlyError(patch('basic', 'email', 'not-an-email'), 'basic.email', '邮箱格式不正确');
    onlyError(patch('basic', 'phone', '12345'), 'basic.phone', '电话号码格式不正确');
    for (const phone of ['13800138000', '+86 13800138000', '010-12345678', '0371-6512345-801']) assert.deepEqual(errorsAt(patch('basic', 'phone', phone)), {}, phone);
    onlyError(patch('basic', 'companyName', '   '), 'basic.companyName', '此项为必填项');
  });

  test('number: type, integer, minimum with unit', () => {
    onlyError(patch('basic', 'staff', '86'), 'basic.staff', '类型错误，应为数字');
    onlyError(patch('basic', 'staff', 86.5), 'basic.staff', '应为整数');
    const m = onlyError(patch('basic', 'capital', -5), 'basic.capital', '不能小于 0万元');
    assert.equal(m.en, 'Must be at least 0 万元');
    onlyError(patch('basic', 'staff', Number.NaN), 'basic.staff', '应为数字');
  });

  test('date: format, calendar and bounds at the field precision', () => {
    onlyError(patch('basic', 'founded', '2015/06/18'), 'basic.founded', 'YYYY-MM-DD');
    onlyError(patch('basic', 'founded', '2015-02-30'), 'basic.founded', 'YYYY-MM-DD');
    onlyError(patch('basic', 'founded', '2023-01-01'), 'basic.founded', '不能晚于 2022-12-31');
    onlyError(patch('basic', 'founded', '1900-01-01'), 'basic.founded', '不能早于 1949-10-01');
    const a = validAnswers();
    (a.team.members as Array<Record<string, unknown>>)[0].since = '2016-3';
    onlyError(a, 'team.members.0.since', 'YYYY-MM');
  });

  test('choice: options, 其他 with its text, single vs multiple, counts', () => {
    onlyError(patch('basic', 'isHighTech', 'maybe'), 'basic.isHighTech', '不是有效的选项');
    onlyError(patch('basic', 'isHighTech', ['no']), 'basic.isHighTech', '单个选项');
    onlyError(patch('basic', 'isHighTech', { other: '其他' }), 'basic.isHighTech', '不允许填写“其他”');
    assert.deepEqual(errorsAt(patch('basic', 'ownership', { other: '混合所有制' })), {});
    onlyError(patch('basic', 'ownership', { other: ' ' }), 'basic.ownership', '请填写“其他”的具体内容');
    assert.deepEqual(errorsAt(patch('basic', 'ownership', { other: '' }), 'draft'), {}, 'a draft may leave 其他 unspecified');
    onlyError(patch('basic', 'ownership', { other: '字'.repeat(201) }), 'basic.ownership', '不能超过 200 字');
    onlyError(patch('basic', 'fields', 'carbon'), 'basic.fields', '选项列表');
    onlyError(patch('basic', 'fields', ['carbon', 'nuclear']), 'basic.fields.1', '不是有效的选项');
    onlyError(patch('basic', 'fields', ['carbon', 'carbon']), 'basic.fields.1', '选项重复');
    onlyError(patch('basic', 'fields', ['carbon', 'materials', 'newEnergy', 'agriculture']), 'basic.fields', '至多选择 3 项');
    onlyError(patch('basic', 'fields', ['carbon', 'materials', 'newEnergy', 'agriculture']), 'basic.fields', '至多选择 3 项', 'draft');
    onlyError(patch('basic', 'fields', ['carbon']), 'basic.fields', '至少选择 2 项');
    assert.deepEqual(errorsAt(patch('basic', 'fields', ['carbon']), 'draft'), {}, 'minimums wait for submission');
    assert.deepEqual(errorsAt(patch('basic', 'fields', [])), {}, 'an optional multiple choice may stay empty');
    onlyError(patch('basic', 'fields', ['carbon', { other: 'a' }, { other: 'b' }]), 'basic.fields.2', '选项重复');
  });

  test('yearTable: cells by row and year, unknown rows and years, completeness on submit', () => {
    const rd = () => structuredClone(validAnswers().innovation.rd) as Record<string, Record<string, unknown>>;
    let t = rd();
    t.revenue['2021'] = -1;
    onlyError(patch('innovation', 'rd', t), 'innovation.rd.revenue.2021', '不能小于 0万元');
    t = rd();
    t.patents['2022'] = 4.5;
    onlyError(patch('innovation', 'rd', t), 'innovation.rd.patents.2022', '应为整数');
    t = rd();
    t.patents['2019'] = 1;
    onlyError(patch('innovation', 'rd', t), 'innovation.rd.patents.2019', '未知的字段');
    t = rd();
    t.profit = { '2020': 1 };
    onlyError(patch('innovation', 'rd', t), 'innovation.rd.profit', '未知的字段');
    t = rd();
    delete t.rdSpend['2021'];
    onlyError(patch('innovation', 'rd', t), 'innovation.rd.rdSpend.2021', '此项为必填项');
    assert.deepEqual(errorsAt(patch('innovation', 'rd', t), 'draft'), {});
    t = rd();
    t.evaluation = { '2020': 'high', '2021': 'excellent' };
    onlyError(patch('innovation', 'rd', t), 'innovation.rd.evaluation.2021', '不是有效的选项');
    onlyError(patch('innovation', 'rd', [1, 2, 3]), 'innovation.rd', '表格');
  });

  test('region: a GB/T 2260 code at the asked level', () => {
    onlyError(patch('basic', 'region', '359999'), 'basic.region', '不是有效的行政区划代码');
    onlyError(patch('basic', 'region', '350000'), 'basic.region', '请选择到地市级行政区划');
    assert.ok(errorsAt(patch('basic', 'region', '350102'))['basic.region'], 'a county is not a city');
    assert.deepEqual(errorsAt(patch('basic', 'region', '810000')), {}, '香港 has no cities below it');
  });

  test('industry: GB/T 4754 code at 中类 or finer, and the strategic-emerging scheme', () => {
    assert.deepEqual(errorsAt(patch('basic', 'industry', '384')), {});
    onlyError(patch('basic', 'industry', '38'), 'basic.industry', '请选择到中类或更细一级');
    onlyError(patch('basic', 'industry', '3848'), 'basic.industry', '不是有效的行业代码');
    onlyError(patch('basic', 'industry', 'C3841'), 'basic.industry', '不是有效的行业代码');
    assert.deepEqual(errorsAt(patch('basic', 'strategic', '7.1')), {});
    onlyError(patch('basic', 'strategic', '10'), 'basic.strategic', '不是有效的行业代码');
  });

  test('trl: a whole number from 1 to 9', () => {
    for (const bad of [0, 10, 5.5, '7']) onlyError(patch('basic', 'trl', bad), 'basic.trl', '1–9');
    assert.deepEqual(errorsAt(patch('basic', 'trl', 9)), {});
  });

  test('creditCode: each problem has its own message', () => {
    const m = onlyError(patch('basic', 'creditCode', '91350100M000100Y4'), 'basic.creditCode', '应为 18 位（当前 17 位）');
    assert.equal(m.en, 'A unified social credit code has 18 characters (now 17)');
    onlyError(patch('basic', 'creditCode', '91350100M000100Y44'), 'basic.creditCode', '校验位不正确');
    onlyError(patch('basic', 'creditCode', '91350100m000100y43'), 'basic.creditCode', '大写');
    onlyError(patch('basic', 'creditCode', '91350100M00O100Y43'), 'basic.creditCode', '无效字符');
  });

  test('file: accepted types, size, count', () => {
    assert.deepEqual(errorsAt(patch('attachments', 'license', { id: 'x', name: 'scan.JPG', size: 10, type: 'image/jpeg' })), {});
    onlyError(patch('attachments', 'license', { id: 'x', name: 'a.docx', size: 10, type: 'application/msword' }), 'attachments.license', '文件类型不允许');
    onlyError(patch('attachments', 'license', pdf('big.pdf', 6 * 1024 * 1024)), 'attachments.license', '不能超过 5 MB');
    onlyError(patch('attachments', 'license', { name: 'a.pdf' }), 'attachments.license', '文件信息不完整');
    onlyError(patch('attachments', 'license', [pdf()]), 'attachments.license', '单个文件');
    onlyError(patch('attachments', 'patents', [pdf('1.pdf'), pdf('2.pdf'), pdf('3.pdf'), pdf('4.pdf')]), 'attachments.patents', '最多上传 3 个文件');
    onlyError(patch('attachments', 'patents', [pdf('1.pdf'), pdf('2.png')]), 'attachments.patents.1', '文件类型不允许');
  });

  test('declaration and signature', () => {
    onlyError(patch('pledge', 'promise', false), 'pledge.promise', '请阅读并勾选承诺申明');
    onlyError(patch('pledge', 'promise', 'yes'), 'pledge.promise', '类型错误');
    onlyError(patch('pledge', 'stamp', { date: '2022-10-20' }), 'pledge.stamp.file', '请上传加盖申报单位公章的签章页');
    onlyError(patch('pledge', 'stamp', { file: pdf('s.pdf') }), 'pledge.stamp.date', '请填写盖章日期');
    onlyError(patch('pledge', 'stamp', { file: pdf('s.pdf'), date: '2022-13-01' }), 'pledge.stamp.date', 'YYYY-MM-DD');
    onlyError(patch('pledge', 'stamp', { file: pdf('s.exe'), date: '2022-10-20' }), 'pledge.stamp.file', '文件类型不允许');
    assert.deepEqual(errorsAt(patch('pledge', 'stamp', { date: '2022-10-20' }), 'draft'), {});
  });

  test('computed fields take no answer', () => {
    onlyError(patch('innovation', 'rdIntensity', 12), 'innovation.rdIntensity', '自动计算');
  });
});

describe('validateAnswers: conditions, groups, roles', () => {
  test('a conditional field is required only when shown, and ignored when hidden', () => {
    const shown = patch('basic', 'isHighTech', 'yes');
    shown.highTech = { certificate: pdf('cert.pdf') };
    onlyError(shown, 'basic.highTechCertNo', '此项为必填项');
    assert.deepEqual(errorsAt(shown, 'draft'), {});
    const hidden = patch('basic', 'highTechCertNo', 12345);
    assert.deepEqual(errorsAt(hidden), {}, 'a hidden field keeps whatever it holds without error');
    hidden.basic.isHighTech = 'yes';
    hidden.highTech = { certificate: pdf('cert.pdf') };
    onlyError(hidden, 'basic.highTechCertNo', '类型错误');
  });

  test('a conditional section appears with its required fields', () => {
    const a = patch('basic', 'isHighTech', 'yes');
    a.basic.highTechCertNo = 'GR202235000123';
    onlyError(a, 'highTech.certificate', '此项为必填项');
    a.highTech = { certificate: pdf('cert.docx') };
    onlyError(a, 'highTech.certificate', '文件类型不允许');
    a.basic.isHighTech = 'no';
    assert.deepEqual(errorsAt(a), {}, 'answers of a hidden section are ignored');
    a.basic.isHighTech = 'yes';
    a.highTech = { certificate: pdf('cert.pdf') };
    assert.deepEqual(errorsAt(a), {});
  });

  test('repeating groups: item paths, limits, unknown keys, conditions inside an item', () => {
    const members = (list: unknown[]) => patch('team', 'members', list);
    const m = onlyError(members([{ name: '林工' }, { name: '' }, { name: '陈工' }]), 'team.members.1.name', '此项为必填项');
    assert.equal(m.en, 'This field is required');
    onlyError(members([{ name: '甲' }, { name: '乙' }, { name: '丙' }, { name: '丁' }]), 'team.members', '不能超过 3 项');
    onlyError(members([{ name: '甲', age: 3 }]), 'team.members.0.age', '未知的字段');
    onlyError(members([{ name: '甲', share: 120 }]), 'team.members.0.share', '不能大于 100%');
    onlyError(members(['甲']), 'team.members.0', '对象');
    onlyError(members([{ name: '甲', phd: 'y' }]), 'team.members.0.thesis', '此项为必填项');
    assert.deepEqual(errorsAt(members([{ name: '甲', phd: 'n', thesis: 42 }])), {}, 'hidden inside the item');
    onlyError(members([{ name: '甲', total: 15 }]), 'team.members.0.total', '自动计算');
    onlyError(patch('team', 'members', { name: '甲' }), 'team.members', '列表');
  });

  test('the recommender section is not the applicant’s to fill, and vice versa', () => {
    const a = validAnswers();
    a.recommend = { opinion: '同意推荐' };
    onlyError(a, 'recommend', '此部分由推荐单位填写');
    const rec = validateAnswers(template, { recommend: { opinion: '同意推荐', stamp: { file: pdf('r.pdf'), date: '2022-10-25' } } }, { mode: 'submit', filledBy: 'recommender' });
    assert.deepEqual(rec, { ok: true, errors: [] });
    const missing = validateAnswers(template, { recommend: {} }, { mode: 'submit', filledBy: 'recommender' });
    assert.deepEqual(missing.errors.map((e) => e.path), ['recommend.opinion', 'recommend.stamp']);
    assert.equal(missing.errors[1].message.en, "Please upload the page stamped with the recommending unit's seal");
    const wrongWay = validateAnswers(template, { basic: { companyName: 'x' } }, { mode: 'draft', filledBy: 'recommender' });
    assert.deepEqual(wrongWay.errors.map((e) => [e.path, e.message['zh-CN']]), [['basic', '此部分由申报单位填写']]);
    const all = validateAnswers(template, { ...validAnswers(), recommend: { opinion: '同意' } }, { mode: 'submit', filledBy: 'all' });
    assert.deepEqual(all.errors.map((e) => e.path), ['recommend.stamp']);
  });
});

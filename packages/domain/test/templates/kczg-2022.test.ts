import { before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseDefinitionText } from '../../src/program/definition-text.ts';
import { callWindow, type ProgramDefinition, type Track } from '../../src/program/program-definition.schema.ts';
import { evaluateEligibility } from '../../src/program/eligibility.ts';
import { shanghaiToEpoch } from '../../src/program/shanghai-time.ts';
import { validateAnswers } from '../../src/form/validate-answers.ts';
import { countChars } from '../../src/form/text-length.ts';
import type { Field, FormTemplate, Section } from '../../src/form/form-template.schema.ts';
import { samplePdf, xiandaoGreenAnswers, xiandaoGreenTexts } from './samples.ts';
import { trackQuota } from '../../src/recommendation/quota.ts';

// The 2022 科创中国 template (templates/kczg-2022.yaml) against its source, seeds/001: the
// notice, 附件1 (申报条件) and 附件2 (申报样表). What is asserted here is what makes the
// transcription faithful: the lists, dates, review institutions, forms, limits and rules.

const yamlPath = fileURLToPath(new URL('../../../../templates/kczg-2022.yaml', import.meta.url));

let def: ProgramDefinition;

before(() => {
  const parsed = parseDefinitionText(readFileSync(yamlPath, 'utf8'), 'yaml');
  if (!parsed.ok) {
    const lines = parsed.problems.map((p) => `  ${p.path || '(root)'}: ${p.message['zh-CN']} / ${p.message.en}`);
    assert.fail(`templates/kczg-2022.yaml is not a valid program:\n${lines.join('\n')}`);
  }
  def = parsed.definition;
});

const track = (id: string): Track => {
  const t = def.tracks.find((x) => x.id === id);
  assert.ok(t, `track ${id}`);
  return t;
};
const form = (id: string): FormTemplate => {
  const f = def.forms.find((x) => x.id === id);
  assert.ok(f, `form ${id}`);
  return f;
};
const section = (formId: string, sectionId: string): Section => {
  const s = form(formId).sections.find((x) => x.id === sectionId);
  assert.ok(s, `section ${formId}/${sectionId}`);
  return s;
};
/** A field by `section.field` or `section.group.field`. */
function field<K extends Field['kind']>(formId: string, path: string, kind: K): Extract<Field, { kind: K }> {
  const [sectionId, fieldId, innerId] = path.split('.');
  let f: Field | undefined = section(formId, sectionId).fields.find((x) => x.id === fieldId);
  if (innerId !== undefined) f = f?.kind === 'group' ? (f.fields.find((x) => x.id === innerId) as Field | undefined) : undefined;
  assert.ok(f, `field ${formId}/${path}`);
  assert.equal(f.kind, kind, `kind of ${formId}/${path}`);
  return f as Extract<Field, { kind: K }>;
}

describe('kczg-2022: the program', () => {
  test('identity, organizers and documents', () => {
    assert.equal(def.slug, 'kczg-2022');
    assert.equal(def.name, '2022年“科创中国”系列榜单');
    assert.equal(def.year, 2022);
    assert.ok(def.organizers.includes('中国科协'));
    const notice = def.documents.find((d) => d.id === 'notice')?.body ?? '';
    assert.ok(notice.includes('科协办函创字〔2022〕91号'));
    assert.ok(notice.includes('申报截止时间为2022年10月31日24时'));
    assert.ok(notice.includes('推荐单位同时属于多个推荐渠道的，可叠加推荐名额。'));
    const conditions = def.documents.find((d) => d.id === 'attachment-1');
    assert.ok(conditions?.body?.includes('成立年限不超过10年的中小型科技企业（工商注册成立时间以2022年反推）'));
  });

  test('contacts: every review institution, the secretariat and the platform support line', () => {
    const names = def.contacts.map((c) => c.name);
    for (const n of ['郑伯龙', '郭天欢', '胡志强', '丁波', '马春萍', '李娜', '章普', '何冰', '李沐谦', '马倩', '王朝刚', '徐春淼、董娜娜', '祝翠', '技术支持', '客服电话']) {
      assert.ok(names.includes(n), `contact ${n}`);
    }
    assert.equal(def.contacts.find((c) => c.name === '技术支持')?.phone, '17600470007');
    assert.equal(def.contacts.find((c) => c.name === '章普')?.phone, '010-82000975-932/15600777267');
  });

  test('phases in Asia/Shanghai: the call closes 2022-10-31 24:00', () => {
    const call = def.phases.find((p) => p.kind === 'call');
    assert.ok(call);
    assert.equal(call.name, '组织征集');
    assert.equal(shanghaiToEpoch(call.startsAt), Date.UTC(2022, 7, 31, 16)); // 2022-09-01 00:00 +08
    assert.equal(shanghaiToEpoch(call.endsAt, { endOfDay: true }), Date.UTC(2022, 9, 31, 16)); // 2022-10-31 24:00 +08
    assert.deepEqual(callWindow(def), { opensAt: Date.UTC(2022, 7, 31, 16), closesAt: Date.UTC(2022, 9, 31, 16) });

    const byKind = Object.fromEntries(def.phases.map((p) => [p.kind, p]));
    assert.deepEqual(Object.keys(byKind).sort(), ['call', 'final', 'preliminary', 'promotion', 'publication']);
    const end = (kind: string) => shanghaiToEpoch(byKind[kind].endsAt, { endOfDay: true });
    const start = (kind: string) => shanghaiToEpoch(byKind[kind].startsAt);
    assert.equal(byKind.preliminary.name, '初评评审');
    assert.equal(end('preliminary'), Date.UTC(2022, 10, 30, 16)); // 11月30日前
    assert.equal(start('final'), Date.UTC(2022, 10, 30, 16)); // 2022年12月
    assert.equal(end('final'), Date.UTC(2022, 11, 31, 16));
    assert.equal(start('publication'), Date.UTC(2022, 11, 31, 16)); // 2023年1月
    assert.equal(end('publication'), Date.UTC(2023, 0, 31, 16));
    assert.equal(start('promotion'), Date.UTC(2022, 7, 31, 16)); // 2022年9月—2023年4月
    assert.equal(end('promotion'), Date.UTC(2023, 3, 30, 16));
  });

  test('seven lists as twelve tracks: 先导技术榜 is 5+1 fields in group xiandao', () => {
    assert.equal(def.tracks.length, 12);
    assert.deepEqual(def.trackGroups.map((g) => [g.id, g.name]), [['xiandao', '先导技术榜']]);
    const xiandao = def.tracks.filter((t) => t.group === 'xiandao');
    assert.equal(xiandao.length, 6);
    assert.deepEqual(
      xiandao.map((t) => t.name),
      ['电子信息领域', '生物医药领域', '装备制造领域', '先进材料领域', '绿色低碳领域', '产业基础专项领域'].map((f) => `先导技术榜（${f}）`),
    );
    assert.ok(xiandao.every((t) => t.formId === 'xiandao'), 'the six fields share one form');
    assert.equal(track('xiandao-green').name, '先导技术榜（绿色低碳领域）');
    assert.deepEqual(
      def.tracks.filter((t) => !t.group).map((t) => [t.id, t.name]),
      [
        ['xinrui', '新锐企业榜'],
        ['rongtong', '融通创新组织榜'],
        ['chuangye', '创业就业先锋榜'],
        ['jishu-jingliren', '技术经理人先锋榜'],
        ['guoji', '国际创新合作榜'],
        ['kaiyuan', '开源创新榜'],
      ],
    );
    for (const t of def.tracks) assert.deepEqual(t.awardTiers, [{ id: 'listed', name: '入榜', nameEn: 'Listed' }], t.id);
  });

  test('entry: five lists through recommendation, 国际创新合作榜 and 开源创新榜 direct (已另行组织)', () => {
    assert.deepEqual(def.tracks.filter((t) => t.entry === 'direct').map((t) => t.id), ['guoji', 'kaiyuan']);
    assert.equal(def.tracks.filter((t) => t.entry === 'recommendation').length, 10);
    assert.equal(track('jishu-jingliren').applicant, 'person');
    assert.equal(track('chuangye').applicant, 'person');
    assert.equal(track('xinrui').applicant, 'enterprise');
  });

  test('a review institution per list, from §五', () => {
    const inst = (id: string) => track(id).reviewInstitution;
    assert.equal(inst('xiandao-electronic')?.name, '中国科协信息科技学会联合体');
    assert.equal(inst('xiandao-green')?.name, '中国科协生态环境产学联合体、中国科协清洁能源学会联合体');
    assert.deepEqual(inst('xiandao-green')?.contacts.map((c) => [c.name, c.phone]), [['马春萍', '010-62219349/15010954981']]);
    assert.deepEqual(inst('xiandao-equipment'), inst('xiandao-foundation'), '装备制造 and 产业基础 share 智能制造学会联合体');
    assert.equal(inst('xiandao-foundation')?.name, '中国科协智能制造学会联合体');
    assert.equal(inst('xinrui')?.name, '“科创中国”联合体秘书处');
    assert.equal(inst('rongtong')?.name, '北京市长城企业战略研究所');
    assert.equal(inst('chuangye')?.name, '中国技术经济学会');
    assert.equal(inst('jishu-jingliren')?.contacts[0].name, '李沐谦');
    assert.equal(inst('guoji')?.name, '中国国际科技交流中心');
    assert.equal(inst('kaiyuan')?.contacts[0].phone, '010-84097649');
    assert.ok(def.tracks.every((t) => t.reviewInstitution && t.reviewInstitution.contacts.length === 1), 'each has its contact');
  });
});

describe('kczg-2022: the forms of 附件2', () => {
  test('every list has a form; the five of 附件2 end with the recommending unit’s section', () => {
    assert.deepEqual(def.forms.map((f) => f.id), ['xiandao', 'xinrui', 'rongtong', 'chuangye', 'jishu-jingliren', 'guoji', 'kaiyuan']);
    for (const t of def.tracks) assert.ok(def.forms.some((f) => f.id === t.formId), t.id);
    for (const id of ['xiandao', 'xinrui', 'rongtong', 'chuangye', 'jishu-jingliren']) {
      const rec = form(id).sections.at(-1)!;
      assert.equal(rec.filledBy, 'recommender', id);
      assert.equal(rec.title, '推荐单位意见', id);
      const seal = rec.fields.find((f) => f.kind === 'signature');
      assert.ok(seal?.kind === 'signature' && seal.signer === '推荐单位公章' && seal.required, id);
      assert.ok(form(id).sections.slice(0, -1).every((s) => s.filledBy === 'applicant'), id);
    }
    // 创业就业先锋榜 has no 申报单位公章 (a person applies); the others do.
    const applicantSeals = (id: string) => form(id).sections.filter((s) => s.filledBy === 'applicant').flatMap((s) => s.fields).filter((f) => f.kind === 'signature');
    for (const id of ['xiandao', 'xinrui', 'rongtong', 'jishu-jingliren']) assert.equal(applicantSeals(id).length, 1, id);
    assert.equal(applicantSeals('chuangye').length, 0);
  });

  test('先导技术榜单申报表', () => {
    const f = form('xiandao');
    assert.equal(f.title, '2022年“科创中国”先导技术榜单申报表');
    assert.deepEqual(f.sections.map((s) => s.title), [
      '技术基本情况', '技术团队基本情况', '一、技术介绍（400-600字）', '二、技术应用场景介绍（400-600字）', '三、技术知识产权情况',
      '四、技术获奖情况', '五、经济效益', '六、社会效益', '申报单位意见', '推荐单位意见',
    ]);
    assert.deepEqual(field('xiandao', 'basic.field', 'choice').options.map((o) => o.label), ['电子信息', '装备制造', '先进材料', '生物医药', '绿色低碳', '产业基础']);
    const transfer = field('xiandao', 'basic.transferForms', 'choice');
    assert.equal(transfer.label, '技术成果转化形式（可多选）');
    assert.equal(transfer.multiple, true);
    assert.deepEqual(transfer.options.map((o) => o.label), ['可进行交易', '在内部进行转化', '只能合作生产', '已经有合作', '不能再次转化']);
    const industries = field('xiandao', 'basic.industries', 'industry');
    assert.deepEqual([industries.label, industries.scheme, industries.level], ['重点服务行业及应用领域', 'gb4754-2017', 'group']);
    assert.equal(field('xiandao', 'basic.trl', 'trl').label, '技术成熟度');
    const intro = field('xiandao', 'team.intro', 'text');
    assert.deepEqual([intro.label, intro.maxChars], ['技术团队简介（200字）', 200]);
    for (const s of ['techIntro', 'scenarios']) {
      const t = field('xiandao', `${s}.text`, 'text');
      assert.deepEqual([t.minChars, t.maxChars, t.required], [400, 600, true], s);
    }
    assert.equal(field('xiandao', 'awards.items', 'group').required, false);
    assert.equal(field('xiandao', 'awards.items.awardedOn', 'date').label, '获奖时间');
  });

  test('新锐企业榜申报表', () => {
    assert.equal(form('xinrui').title, '2022年“科创中国”新锐企业榜申报表');
    assert.deepEqual(form('xinrui').sections.map((s) => s.title), [
      '企业基本情况', '企业科技创新情况', '企业技术研发投入', '企业对地方贡献', '企业成长性', '突出成绩', '申报单位公章', '推荐单位意见',
    ]);
    const region = field('xinrui', 'basic.region', 'region');
    assert.deepEqual([region.label, region.level, region.help], ['所在地区', 'city', '请根据企业纳税所在地区填写（X省X市）']);
    assert.equal(field('xinrui', 'basic.founded', 'date').label, '企业工商登记日期');
    assert.equal(field('xinrui', 'basic.capital', 'number').unit, '万元');
    assert.deepEqual([field('xinrui', 'basic.staff', 'number').unit, field('xinrui', 'basic.staff', 'number').integer], ['人', true]);
    assert.deepEqual(field('xinrui', 'basic.highTech', 'choice').options.map((o) => o.label), ['是', '否']);
    assert.equal(field('xinrui', 'basic.industry', 'industry').scheme, 'strategic-emerging-2018');
    assert.ok(field('xinrui', 'basic.mainBusinessIndustry', 'industry').help?.includes('农副食品加工业+13'));

    const tech = field('xinrui', 'innovation.table', 'yearTable');
    assert.deepEqual([tech.years, tech.average, tech.averageLabel], [[2020, 2021, 2022], true, '平均值']);
    assert.deepEqual(tech.rows.map((r) => r.label), ['专利申请量（项）', '专利授权量（项）', '专利许可转让数量（项）', '拥有自主知识产权的专利数量（项）']);
    const rd = field('xinrui', 'rd.table', 'yearTable');
    assert.deepEqual(rd.rows.map((r) => r.unit), ['人', '%', '万元', '%']);
    assert.equal(rd.rows[0].label, '研发团队规模（科技R&D人员数量）');
    assert.equal(field('xinrui', 'contribution.table', 'yearTable').rows[2].label, 'GDP贡献（营业收入总额/万元）');
    const growth = field('xinrui', 'growth.table', 'yearTable');
    assert.deepEqual([growth.label, growth.years, growth.average], ['未来三年', [2023, 2024, 2025], true]);
    const core = growth.rows.find((r) => r.id === 'coreTech');
    assert.equal(core?.type, 'choice');
    assert.deepEqual(core?.options?.map((o) => o.label), ['高', '较高', '一般']);
  });

  test('融通创新组织榜申报表', () => {
    assert.equal(form('rongtong').title, '2022年“科创中国”融通创新组织榜申报表');
    assert.deepEqual(field('rongtong', 'basic.category', 'choice').options.map((o) => o.label), ['产业技术研究院', '产业技术创新战略联盟', '专业技术转移机构', '其他新型研发机构']);
    assert.equal(field('rongtong', 'basic.serviceYears', 'number').label, '从事产学研融通服务时间（年）');
    assert.equal(field('rongtong', 'performance.contractAmount', 'number').unit, '万元');
    assert.deepEqual([field('rongtong', 'performance.talentShare', 'number').unit, field('rongtong', 'performance.talentShare', 'number').max], ['%', 100]);
    assert.equal(section('rongtong', 'performance').title, '近三年组织机构产学研融通情况');
    assert.equal(field('rongtong', 'profile.text', 'text').maxChars, 500);
    assert.ok(section('rongtong', 'profile').title.startsWith('一、组织机构简介'));
    for (const s of ['mechanism', 'kczgRole', 'ecosystem']) assert.equal(field('rongtong', `${s}.text`, 'text').maxChars, 1000, s);
    assert.equal(field('rongtong', 'kczgRole.text', 'text').label, '对“科创中国”工作促进作用');
  });

  test('创业就业先锋榜申报表', () => {
    assert.equal(form('chuangye').title, '2022年“科创中国”创业就业先锋榜申报表');
    assert.deepEqual(form('chuangye').sections.slice(0, 4).map((s) => s.title), ['个人信息', '创业情况', '创新能力及发展潜力', '带动就业的效益']);
    assert.equal(field('chuangye', 'personal.birthplace', 'region').label, '出生地（省-市）');
    assert.equal(field('chuangye', 'personal.education', 'text').help, '（高中及以上）');
    for (const id of ['innovation', 'businessModel', 'financing', 'philosophy']) assert.equal(field('chuangye', `venture.${id}`, 'text').maxChars, 1000, id);
    assert.equal(field('chuangye', 'venture.businessModel', 'text').label, '商业模式（不超过1000字）');
    const recent = field('chuangye', 'capability.recent', 'yearTable');
    assert.deepEqual([recent.years, recent.yearLabels, recent.average], [[2020, 2021, 2022], { '2022': '2022年1-6月' }, false]);
    assert.equal(recent.rows.length, 8);
    assert.equal(field('chuangye', 'capability.future', 'yearTable').rows[1].label, '主营业务利润增长率（%）');
    assert.equal(field('chuangye', 'employment.table', 'yearTable').rows.length, 7);
    assert.equal(field('chuangye', 'demonstration.text', 'text').maxChars, 1000);
    assert.equal(field('chuangye', 'cases.text', 'text').maxChars, undefined, '三、就业服务的案例 states no limit');
    const cases = field('chuangye', 'attachments.cases', 'file');
    assert.deepEqual([cases.accept, cases.multiple], [['.pdf', '.jpg', '.jpeg', '.png'], true]);
    assert.ok(cases.help?.includes('（PDF或图片）'));
  });

  test('技术经理人先锋榜申请表', () => {
    assert.equal(form('jishu-jingliren').title, '2022年“科创中国”技术经理人先锋榜申请表');
    const fieldChoice = field('jishu-jingliren', 'basic.field', 'choice');
    assert.equal(fieldChoice.options.length, 11);
    assert.equal(fieldChoice.options[8].label, '碳中和与绿色创新');
    const post = field('jishu-jingliren', 'basic.postType', 'choice');
    assert.equal(post.allowOther, true);
    assert.equal(post.options.at(-1)?.label, '重点园区/科技园区');
    assert.equal(field('jishu-jingliren', 'basic.certificates.issuedOn', 'date').label, '颁发日期');
    assert.equal(field('jishu-jingliren', 'basic.certificates.certificate', 'text').label, '证书编号及名称');
    const work = field('jishu-jingliren', 'work.items', 'group');
    assert.deepEqual([work.label, work.minItems], ['主要工作经历', 1]);
    assert.equal(field('jishu-jingliren', 'work.items.from', 'date').precision, 'month');
    assert.equal(field('jishu-jingliren', 'practice.text', 'text').maxChars, 2000);
    assert.ok(section('jishu-jingliren', 'practice').description?.includes('（四）参与或主持的技术转移项目获得的政府表彰'));
    const kczg = field('jishu-jingliren', 'kczgWork.text', 'text');
    assert.deepEqual([kczg.maxChars, kczg.required], [1000, false]); // 【非必填】
    assert.deepEqual([field('jishu-jingliren', 'ethics.text', 'text').maxChars, field('jishu-jingliren', 'ethics.text', 'text').required], [1000, true]);
  });

  test('国际创新合作榜 and 开源创新榜 have no 样表: their short forms say so', () => {
    for (const id of ['guoji', 'kaiyuan']) assert.ok(form(id).sections[0].description?.includes('附件2（申报样表）未包含本榜单的申报表'), id);
    assert.equal(field('guoji', 'project.modes', 'choice').options.length, 19);
    assert.deepEqual(field('kaiyuan', 'basic.category', 'choice').options.map((o) => o.label), ['开源产品', '开源社区', '开源机构']);
    assert.deepEqual(field('kaiyuan', 'basic.license', 'text').visibleIf, { field: 'category', equals: 'product' });
  });
});

describe('kczg-2022: eligibility of 附件1', () => {
  const outcome = (trackId: string, answers: Record<string, unknown>) =>
    evaluateEligibility(track(trackId).eligibility.rules, answers, def.year).map((o) => o.status);

  test('新锐企业榜: 成立年限不超过10年, counted back from 2022', () => {
    const rules = track('xinrui').eligibility.rules;
    assert.deepEqual(rules.map((r) => [r.kind, r.field]), [['maxAgeYears', 'basic.founded']]);
    assert.equal(rules[0].kind === 'maxAgeYears' && rules[0].years, 10);
    const at = (founded?: string) => outcome('xinrui', { basic: founded === undefined ? {} : { founded } });
    assert.deepEqual(at('2011-12-31'), ['fail']);
    assert.deepEqual(at('2012-01-01'), ['pass']); // 2022 − 10
    assert.deepEqual(at('2013-05-20'), ['pass']); // nine years: within the limit
    assert.deepEqual(at('2015-06-18'), ['pass']);
    assert.deepEqual(at(), ['unknown']);
    const [fail] = evaluateEligibility(rules, { basic: { founded: '2008-03-01' } }, def.year);
    assert.equal(fail.reason?.['zh-CN'], '不符合：成立年限不超过10年（工商注册成立时间以2022年反推）');
    const checklist = track('xinrui').eligibility.checklist.map((c) => c.text);
    assert.ok(checklist.includes('企业提供的产品和服务不属于国家规定的禁止、限制和淘汰类。'));
    assert.ok(checklist.includes('入选2021年“科创中国”新锐企业榜的企业不再纳入候选。'));
  });

  test('融通创新组织榜: 成立时间在2020年9月1日之前', () => {
    assert.deepEqual(outcome('rongtong', { basic: { founded: '2020-08-31' } }), ['pass']);
    assert.deepEqual(outcome('rongtong', { basic: { founded: '2020-09-01' } }), ['fail']);
  });

  test('创业就业先锋榜: 创办的企业为工商注册5年以内', () => {
    assert.deepEqual(outcome('chuangye', { venture: { founded: '2016-12-31' } }), ['fail']);
    assert.deepEqual(outcome('chuangye', { venture: { founded: '2017-01-01' } }), ['pass']);
  });

  test('先导技术榜: the chosen 所属领域 matches the track; 附件1 conditions are on the checklist', () => {
    assert.deepEqual(outcome('xiandao-green', { basic: { field: 'green' } }), ['pass']);
    assert.deepEqual(outcome('xiandao-green', { basic: { field: 'electronic' } }), ['fail']);
    assert.deepEqual(outcome('xiandao-foundation', { basic: { field: 'foundation' } }), ['pass']);
    assert.ok(track('xiandao-green').eligibility.checklist.some((c) => c.text === '入选2021年“科创中国”先导技术榜的项目不再纳入候选。'));
    assert.ok(track('xiandao-foundation').eligibility.checklist.some((c) => c.text === '被国外禁运或长期依赖进口。'));
    assert.ok(def.tracks.every((t) => t.eligibility.checklist.length > 0), 'every list has its conditions for screeners');
  });
});

describe('kczg-2022: answering the 绿色低碳 form', () => {
  const pdf = samplePdf;
  const greenAnswers = () => xiandaoGreenAnswers();
  const { techIntro, scenarios } = xiandaoGreenTexts;

  test('the sample texts are within the form’s limits', () => {
    for (const t of [techIntro, scenarios]) assert.ok(countChars(t) >= 400 && countChars(t) <= 600, `${countChars(t)} 字`);
  });

  test('a complete, realistic application passes submit validation', () => {
    const tpl = form(track('xiandao-green').formId);
    assert.deepEqual(validateAnswers(tpl, greenAnswers(), { mode: 'submit' }), { ok: true, errors: [] });
    assert.deepEqual(evaluateEligibility(track('xiandao-green').eligibility.rules, greenAnswers(), def.year).map((o) => o.status), ['pass']);
  });

  test('the recommending unit fills its own section', () => {
    const tpl = form('xiandao');
    const rec = { recommendation: { opinion: '该技术创新性突出，推广价值大，同意推荐。', seal: { file: pdf('recommender-seal.pdf'), date: '2022-10-28' } } };
    assert.deepEqual(validateAnswers(tpl, rec, { mode: 'submit', filledBy: 'recommender' }), { ok: true, errors: [] });
    const errors = validateAnswers(tpl, { recommendation: {} }, { mode: 'submit', filledBy: 'recommender' }).errors.map((e) => e.path);
    assert.deepEqual(errors.sort(), ['recommendation.opinion', 'recommendation.seal']);
    // The applicant may not write the recommendation.
    const mixed = { ...greenAnswers(), ...rec };
    assert.deepEqual(validateAnswers(tpl, mixed, { mode: 'submit' }).errors.map((e) => e.path), ['recommendation']);
  });

  test('an over-long 技术团队简介 (201 字) is rejected at team.intro, in draft and on submit', () => {
    const tpl = form('xiandao');
    const answers = greenAnswers();
    answers.team.intro = '团'.repeat(201);
    for (const mode of ['draft', 'submit'] as const) {
      const r = validateAnswers(tpl, answers, { mode });
      assert.equal(r.ok, false);
      assert.deepEqual(r.errors.map((e) => e.path), ['team.intro'], mode);
      assert.equal(r.errors[0].message['zh-CN'], '不能超过 200 字（当前 201 字）');
    }
  });

  test('a 技术介绍 under 400 字 is fine in a draft but not on submit', () => {
    const tpl = form('xiandao');
    const answers = greenAnswers();
    answers.techIntro.text = techIntro.slice(0, 150);
    assert.equal(validateAnswers(tpl, answers, { mode: 'draft' }).ok, true);
    const r = validateAnswers(tpl, answers, { mode: 'submit' });
    assert.deepEqual(r.errors.map((e) => e.path), ['techIntro.text']);
    assert.ok(r.errors[0].message['zh-CN'].startsWith('不能少于 400 字'));
  });

  test('submitting an empty form names every required item', () => {
    const paths = validateAnswers(form('xiandao'), {}, { mode: 'submit' }).errors.map((e) => e.path).sort();
    assert.deepEqual(paths, [
      'applicantOpinion.opinion', 'applicantOpinion.seal', 'basic.field', 'basic.industries', 'basic.techName', 'basic.transferForms', 'basic.trl',
      'basic.unitName', 'economic.text', 'ip.text', 'scenarios.text', 'social.text', 'team.address', 'team.contact', 'team.email', 'team.intro',
      'team.phone', 'techIntro.text',
    ]);
  });
});

describe('kczg-2022: 二、推荐渠道及名额', () => {
  test('the six channels of §二（一）', () => {
    assert.deepEqual(def.recommendation!.channels.map((c) => c.name), [
      '全国学会/协会/研究会', '省级科协（含新疆生产建设兵团科协）', '“科创中国”试点城市（园区）', '中央企业科协', '“科创中国”联合体成员单位', '其他有关单位',
    ]);
    assert.equal(def.recommendation!.unitKind, 'unit');
  });

  test('≤3 per field of 先导技术榜, ≤5 新锐企业榜, ≤2 each for the other three; stacking across channels', () => {
    const rec = def.recommendation!;
    assert.equal(rec.stacking, true);
    const max = (trackId: string, channels: string[] = ['national-society']) => trackQuota(rec, trackId, channels).max;
    for (const t of def.tracks.filter((x) => x.group === 'xiandao')) assert.equal(max(t.id), 3, t.id);
    assert.equal(max('xinrui'), 5);
    for (const id of ['rongtong', 'chuangye', 'jishu-jingliren']) assert.equal(max(id), 2, id);
    // "推荐单位同时属于多个推荐渠道的，可叠加推荐名额": a 省级科协 that is also a 联合体成员单位.
    assert.equal(max('xiandao-green', ['provincial-cast', 'union-member']), 6);
    assert.equal(max('xinrui', ['provincial-cast', 'union-member']), 10);
  });

  test('国际创新合作榜 and 开源创新榜 (已另行组织) have no recommendation step and no quota', () => {
    const quotaTracks = new Set(def.recommendation!.quotas.flatMap((q) => q.tracks));
    assert.deepEqual(def.tracks.filter((t) => t.entry === 'recommendation').map((t) => t.id).sort(), [...quotaTracks].sort());
    for (const id of ['guoji', 'kaiyuan']) assert.deepEqual(trackQuota(def.recommendation!, id, ['other']), { max: null, min: null });
  });
});

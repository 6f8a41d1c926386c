import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { parseDefinitionText } from '../../src/program/definition-text.ts';
import { callWindow, type ProgramDefinition } from '../../src/program/program-definition.schema.ts';
import { evaluateEligibility } from '../../src/program/eligibility.ts';
import { validateAnswers } from '../../src/form/validate-answers.ts';
import { computeDerived } from '../../src/form/compute.ts';
import { creditCodeCheckChar } from '../../src/form/credit-code.ts';
import type { Field, FormTemplate } from '../../src/form/form-template.schema.ts';

// The built-in template of the 2022 “创蓝碳中和先锋奖”, checked against its call (seeds/000).
// The call has no application form; the one in the template is built from its conditions and
// weighted criteria, and these tests pin that construction down.

const text = readFileSync(new URL('../../../../templates/cnblue-2022.yaml', import.meta.url), 'utf8');

function load(): ProgramDefinition {
  const parsed = parseDefinitionText(text, 'yaml');
  if (!parsed.ok) assert.fail(`templates/cnblue-2022.yaml has problems:\n${parsed.problems.map((p) => `  ${p.path}: ${p.message['zh-CN']}`).join('\n')}`);
  return parsed.definition;
}

const def = load();
const form: FormTemplate = def.forms[0];
const field = (section: string, id: string): Field =>
  form.sections.find((s) => s.id === section)?.fields.find((x) => x.id === id) ?? assert.fail(`no field ${section}.${id}`);

describe('cnblue-2022: program', () => {
  test('parses and names the award as the call does', () => {
    assert.equal(def.slug, 'cnblue-2022');
    assert.equal(def.name, '2022年“创蓝碳中和先锋奖”');
    assert.equal(def.year, 2022);
    assert.deepEqual(def.organizers, ['中关村创蓝清洁空气产业联盟', '金融支持绿色科技平台']);
    assert.deepEqual(def.contacts.map((c) => [c.phone, c.email]), [['010-59693575', 'bluetech@iccs.org.cn']]);
  });

  test('six tracks, one shared form, direct entry, one award each', () => {
    assert.deepEqual(
      def.tracks.map((t) => [t.id, t.name]),
      [
        ['xinnengyuan', '新能源'],
        ['lvse-chuxing', '绿色出行'],
        ['chuneng', '储能'],
        ['lvse-jianzhu', '绿色建筑'],
        ['jieneng', '节能'],
        ['zhineng-zhizao', '智能制造'],
      ],
    );
    assert.equal(def.forms.length, 1);
    for (const t of def.tracks) {
      assert.equal(t.formId, 'baoming', t.id);
      assert.equal(t.entry, 'direct', t.id);
      assert.deepEqual(t.awardTiers.map((a) => [a.id, a.name]), [['pioneer', '创蓝碳中和先锋']], t.id);
    }
  });

  test('the five review steps in order, with the call closing 2022-03-31 24:00 Shanghai', () => {
    assert.deepEqual(
      def.phases.map((p) => p.kind),
      ['call', 'screening', 'preliminary', 'site_visit', 'roadshow', 'committee', 'publication'],
    );
    const { opensAt, closesAt } = callWindow(def);
    assert.equal(opensAt, Date.UTC(2021, 11, 31, 16));
    assert.equal(closesAt, Date.UTC(2022, 2, 31, 16));
    const byKind = Object.fromEntries(def.phases.map((p) => [p.kind, p]));
    assert.equal(byKind.roadshow.endsAt, '2022-05-31'); // 评估工作预计将在5月底完成
    assert.deepEqual([byKind.publication.startsAt, byKind.publication.endsAt], ['2022-06-01', '2022-06-30']); // 2022年6月
    assert.ok(byKind.publication.description?.includes('金融支持绿色科技年会'));
    assert.ok(byKind.committee.description?.includes('评选顾问委员会'));
  });

  test('documents: the call, the weighted criteria and the post-award support', () => {
    const doc = (id: string) => def.documents.find((d) => d.id === id)?.body ?? assert.fail(`no document ${id}`);
    assert.ok(doc('zhengji-tongzhi').includes('本次评奖全程不收取任何费用'));
    assert.ok(doc('zhengji-tongzhi').includes('4）企业有较为完善的公司治理机制和社会责任表现。'));
    const criteria = doc('pingxuan-biaozhun');
    for (const c of ['绿色低碳效益 25%', '科技创新性 20%', '团队与战略 20%', '成长潜力 20%', 'IP 竞争力 15%']) assert.ok(criteria.includes(c), c);
    for (const s of ['融资助力', '知产赋能', '双碳战略', '产业对接', '示范宣传', '创业社群']) assert.ok(doc('huojiang-zhichi').includes(`${s}：`), s);
  });

  test('the four 参选条件: one computed rule, all four on the checklist', () => {
    for (const t of def.tracks) {
      assert.deepEqual(t.eligibility.checklist.slice(0, 4).map((c) => c.text.slice(0, 5)), ['参选条件1', '参选条件2', '参选条件3', '参选条件4'], t.id);
    }
    const rules = def.tracks[0].eligibility.rules;
    const status = (entityType: unknown) => evaluateEligibility(rules, { basic: { entityType } }, 2022)[0].status;
    assert.equal(status('enterprise'), 'pass');
    assert.equal(status('team'), 'pass');
    assert.equal(status({ other: '行业协会' }), 'fail');
    assert.equal(status(undefined), 'unknown');
  });
});

describe('cnblue-2022: the form built from the criteria', () => {
  test('says why it exists, and has a section per weighted criterion (weights sum to 100)', () => {
    assert.ok(form.sections[0].description?.includes('征集通知未附报名表'));
    const weighted = form.sections.map((s) => /（权重(\d+)%）$/.exec(s.title)).filter((m) => m !== null);
    assert.deepEqual(weighted.map((m) => m.input.replace(m[0], '').replace(/^.、/, '')), ['绿色低碳效益', '科技创新性', '团队与战略', '成长潜力', 'IP 竞争力']);
    assert.deepEqual(weighted.map((m) => Number(m[1])), [25, 20, 20, 20, 15]);
    assert.equal(weighted.reduce((sum, m) => sum + Number(m[1]), 0), 100);
  });

  test('the evidence experts need, with units and limits', () => {
    const reduction = field('lowCarbon', 'annualReduction');
    assert.ok(reduction.kind === 'number' && reduction.unit === 'tCO2e/年' && reduction.required);
    const method = field('lowCarbon', 'method');
    assert.ok(method.kind === 'text' && method.maxChars === 800 && method.required);
    assert.equal(field('innovation', 'trl').kind, 'trl');
    const finance = field('growth', 'finance');
    assert.ok(finance.kind === 'yearTable' && finance.average && finance.averageLabel === '平均值');
    assert.deepEqual(finance.years, [2019, 2020, 2021]);
    const patents = field('ip', 'keyPatents');
    assert.ok(patents.kind === 'group' && patents.maxItems === 10);
    const bp = field('attachments', 'bp');
    assert.ok(bp.kind === 'file' && bp.required && bp.accept.join() === '.pdf');
    const promise = field('pledge', 'promise');
    assert.ok(promise.kind === 'declaration');
    for (const s of ['真实、准确、完整', '用于本奖项的评审', '宣传推广', '全程不收取任何费用']) assert.ok(promise.text.includes(s), s);
    const intro = field('basic', 'intro');
    assert.ok(intro.kind === 'text' && intro.maxChars === 500);
  });

  test('the credit code is asked only of companies registered in mainland China', () => {
    assert.deepEqual(field('basic', 'creditCode').visibleIf, { field: 'registration', equals: 'mainland' });
  });
});

describe('cnblue-2022: answering the form', () => {
  const first17 = '91110108MA01ABCD1';
  const creditCode = first17 + creditCodeCheckChar(first17);
  const pdf = (name: string) => ({ id: `f-${name}`, name, size: 1_500_000, type: 'application/pdf' });
  const answers = (): Record<string, Record<string, unknown>> => ({
    basic: {
      name: '北京某储能科技有限公司',
      nameEn: 'Beijing Example Energy Storage Technology Co., Ltd.',
      entityType: 'enterprise',
      registration: 'mainland',
      creditCode,
      region: '110100',
      founded: '2017-05-12',
      teamSize: 86,
      financingStage: 'a',
      financingTotal: 8000,
      website: 'https://www.example.cn',
      intro: '公司专注于液流电池长时储能系统的研发与制造，核心团队来自高校与头部电池企业。',
      products: '全钒液流电池储能系统、储能电站集成与运维服务。',
      contactName: '王女士',
      contactTitle: '战略总监',
      contactPhone: '010-62000000',
      contactEmail: 'bd@example.cn',
    },
    lowCarbon: {
      mechanism: '储能系统平抑风光出力波动，减少弃风弃光，替代燃煤调峰机组。',
      annualReduction: 12500,
      reductionBasis: 'measured',
      method: '以区域电网排放因子为基准线，按已投运项目年消纳新能源电量核算，边界为储能电站及其接入的新能源场站。',
      verified: 'yes',
      verifier: '某认证中心',
      verificationReport: pdf('核查报告.pdf'),
    },
    innovation: {
      coreTech: '高功率密度液流电池电堆',
      techDescription: '采用新型复合电极与流场设计，电堆功率密度提升40%。',
      trl: 7,
      benchmark: '能量效率78%，循环寿命超过15000次，优于国内同类产品。',
      applications: '已在内蒙古、河北投运3个储能电站项目，合计100MWh。',
      rdStaff: 32,
      corePatents: 6,
    },
    team: {
      members: [
        { name: '李博士', title: '创始人、首席执行官', background: '清华大学博士，十年电化学储能研发经验。', shareholding: 35 },
        { name: '赵工', title: '首席技术官', background: '曾任某电池企业研究院副院长。' },
      ],
      strategy: '面向电网侧与新能源配储市场，以设备销售加运维服务盈利。',
      governance: '设董事会与监事会，建立财务内控制度，发布年度社会责任报告。',
    },
    growth: {
      finance: {
        revenue: { '2019': 1200, '2020': 2500, '2021': 5000 },
        netProfit: { '2019': -800, '2020': -300, '2021': 200 },
      },
      market: '预计2025年国内长时储能市场规模超过千亿元。',
      plan: '三年内建成GWh级产线，进入海外市场。',
      financingNeed: 20000,
    },
    ip: {
      inventionGranted: 12,
      utilityGranted: 20,
      designGranted: 1,
      foreignGranted: 2,
      inventionPending: 9,
      pctPending: 3,
      keyPatents: [{ title: '一种液流电池复合电极及其制备方法', number: 'ZL201910000000.1', type: 'invention', status: 'granted', filed: '2019-03-01', holder: '北京某储能科技有限公司' }],
      ipStrategy: '围绕电堆与电解液布局专利，开展主要出口市场的FTO分析。',
    },
    support: { wanted: ['rongzi', 'chanye'] },
    attachments: { bp: pdf('BP.pdf'), license: pdf('营业执照.pdf') },
    pledge: { promise: true },
  });

  test('a complete application passes in submit mode', () => {
    assert.deepEqual(validateAnswers(form, answers(), { mode: 'submit' }), { ok: true, errors: [] });
  });

  test('averages, growth and patent totals are computed', () => {
    const d = computeDerived(form, answers());
    assert.equal(d['growth.finance.revenue.average'], 2900);
    assert.equal(d['growth.revenueGrowth'], 100);
    assert.equal(d['growth.revenueGrowth2y'], 316.67);
    assert.equal(d['ip.grantedTotal'], 35);
    assert.equal(d['ip.pendingTotal'], 12);
  });

  test('an overseas team needs no credit code, but must say where it is', () => {
    const a = answers();
    a.basic = { ...a.basic, registration: 'overseas', creditCode: undefined, region: undefined, location: '新加坡' };
    assert.deepEqual(validateAnswers(form, a, { mode: 'submit' }), { ok: true, errors: [] });
    delete a.basic.location;
    assert.deepEqual(validateAnswers(form, a, { mode: 'submit' }).errors.map((e) => e.path), ['basic.location']);
    const mainland = answers();
    delete mainland.basic.creditCode;
    assert.deepEqual(validateAnswers(form, mainland, { mode: 'submit' }).errors.map((e) => e.path), ['basic.creditCode']);
  });

  test('over-long texts are rejected at their paths', () => {
    const a = answers();
    a.basic = { ...a.basic, intro: '储'.repeat(501) };
    const r = validateAnswers(form, a, { mode: 'draft' });
    assert.deepEqual(r.errors.map((e) => [e.path, e.message['zh-CN']]), [['basic.intro', '不能超过 500 字（当前 501 字）']]);
    const b = answers();
    (b.team.members as Array<Record<string, unknown>>)[1].background = '能'.repeat(301);
    assert.deepEqual(validateAnswers(form, b, { mode: 'submit' }).errors.map((e) => e.path), ['team.members.1.background']);
  });
});

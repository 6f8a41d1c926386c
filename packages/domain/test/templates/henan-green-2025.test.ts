import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { parseDefinitionText } from '../../src/program/definition-text.ts';
import { callWindow, type ProgramDefinition } from '../../src/program/program-definition.schema.ts';
import { evaluateEligibility } from '../../src/program/eligibility.ts';
import { validateAnswers } from '../../src/form/validate-answers.ts';
import type { Field, FormTemplate } from '../../src/form/form-template.schema.ts';
import { trackQuota } from '../../src/recommendation/quota.ts';

// The built-in template of the 2025 河南省工业绿色低碳发展创新大赛, checked against its source
// (seeds/004: 工作方案, 附件1 申报表, 附件2 评比细则).

const text = readFileSync(new URL('../../../../templates/henan-green-2025.yaml', import.meta.url), 'utf8');

function load(): ProgramDefinition {
  const parsed = parseDefinitionText(text, 'yaml');
  if (!parsed.ok) assert.fail(`templates/henan-green-2025.yaml has problems:\n${parsed.problems.map((p) => `  ${p.path}: ${p.message['zh-CN']}`).join('\n')}`);
  return parsed.definition;
}

const def = load();
const form = (id: string): FormTemplate => def.forms.find((f) => f.id === id) ?? assert.fail(`no form ${id}`);
const track = (id: string) => def.tracks.find((t) => t.id === id) ?? assert.fail(`no track ${id}`);
const field = (f: FormTemplate, section: string, id: string): Field =>
  f.sections.find((s) => s.id === section)?.fields.find((x) => x.id === id) ?? assert.fail(`no field ${section}.${id} in ${f.id}`);
const labels = (f: FormTemplate, section: string) => f.sections.find((s) => s.id === section)?.fields.map((x) => x.label);

const PLEDGE = '我单位申报的所有材料，均真实、完整，如有不实，愿承担相应的责任。在不涉及商业机密的情况下，自愿与其他企业分享经验。';

describe('henan-green-2025: program', () => {
  test('parses and names the program as the work plan does', () => {
    assert.equal(def.slug, 'henan-green-2025');
    assert.equal(def.name, '2025年河南省工业绿色低碳发展创新大赛');
    assert.equal(def.year, 2025);
    assert.deepEqual(def.organizers, ['河南省工业和信息化厅', '河南日报社']);
    assert.ok(def.summary.includes('豫见绿色、创赢未来'));
    assert.deepEqual(
      def.contacts.map((c) => [c.name, c.phone, c.email, c.address]),
      [['王占昍', '0371-65509953', 'hngxtjn@163.com', '河南省郑州市郑东新区熊儿河路93号']],
    );
  });

  test('five tracks, three forms: the technology form serves three tracks', () => {
    assert.deepEqual(
      def.tracks.map((t) => [t.id, t.name, t.formId]),
      [
        ['qingjie', '清洁生产技术创新成果', 'jishu'],
        ['jieneng', '节能降碳技术创新成果', 'jishu'],
        ['ziyuan', '资源高效利用技术创新成果', 'jishu'],
        ['lvse-sheji', '工业绿色设计产品创新成果', 'sheji'],
        ['gongyingshang', '绿色制造供应商服务工业绿色低碳发展典型案例', 'anli'],
      ],
    );
    assert.deepEqual(
      def.forms.map((f) => f.title),
      [
        '河南省绿色低碳发展创新大赛（清洁生产技术、节能降碳技术、资源高效利用技术）申报表',
        '河南省绿色低碳发展创新大赛（工业绿色设计产品）申报表',
        '河南省绿色低碳发展创新大赛（服务工业绿色低碳发展典型案例）申报表',
      ],
    );
    // Cities recommend the four enterprise tracks; suppliers put forward their own cases (§六（一）).
    assert.deepEqual(def.tracks.map((t) => t.entry), ['recommendation', 'recommendation', 'recommendation', 'recommendation', 'direct']);
    assert.ok(track('jieneng').description?.startsWith('聚焦钢铁、化工、有色、建材等高耗能行业'));
  });

  test('award tiers per track and the 优秀组织奖', () => {
    for (const t of def.tracks) assert.deepEqual(t.awardTiers.map((a) => a.name), ['一等奖', '二等奖', '三等奖', '优秀奖'], t.id);
    assert.equal(def.programAwards.length, 1);
    assert.equal(def.programAwards[0].name, '优秀组织奖');
    assert.ok(def.programAwards[0].description?.includes('对积极组织参加全部赛道项目的各省辖市工业和信息化主管部门设优秀组织奖'));
  });

  test('phases from §六; the call closes 2025-06-30 24:00 Shanghai', () => {
    assert.deepEqual(
      def.phases.map((p) => [p.kind, p.name, p.endsAt]),
      [
        ['call', '报名推荐', '2025-06-30 24:00'],
        ['screening', '收集汇总', '2025-07-05'],
        ['preliminary', '初赛（网络评审）', '2025-07-09'],
        ['roadshow', '复赛（路演答辩）', '2025-07-12'],
        ['final', '专家评审', '2025-07-15'],
        ['publicity', '评比结果公示', '2025-07-22'],
        ['publication', '总结表彰', '2025-07-31'],
      ],
    );
    const { opensAt, closesAt } = callWindow(def);
    assert.equal(closesAt, Date.UTC(2025, 5, 30, 16));
    assert.equal(opensAt, Date.UTC(2025, 4, 31, 16));
    assert.ok(def.phases[0].description?.includes('6月10日前'));
    assert.ok(def.phases.find((p) => p.kind === 'publication')?.description?.includes('金融对接'));
  });

  test('documents carry the work plan and 附件2 verbatim', () => {
    const plan = def.documents.find((d) => d.id === 'gongzuo-fangan')?.body ?? '';
    assert.ok(plan.includes('每个赛道推荐参赛项目不少于3个'));
    assert.ok(plan.includes('大赛秘书处将对各地市推荐的参赛项目进行公示'));
    const rules = def.documents.find((d) => d.id === 'pingbi-xize')?.body ?? '';
    for (const element of ['具有独立法人资格', '技术知识产权清晰', '技术成熟度', '技术创新点', '经济效益', '推广潜力', '资源属性指标', '能源属性指标', '环境属性指标', '品质属性指标', '低碳属性指标', '供应商服务能力', '服务案例的典型性', '服务案例取得的成效']) {
      assert.ok(rules.includes(element), element);
    }
    assert.ok(rules.includes('技术具有先进性、创新点，技术原理创新水平高、应用创新水平效果显著，在同类可比技术中的处于领先。'));
  });
});

describe('henan-green-2025: eligibility (§五 参赛范围, 附件2 基本要求)', () => {
  const rules = track('jieneng').eligibility.rules;
  const region = rules.find((r) => r.kind === 'regionWithin') ?? assert.fail('no region rule');

  test('the four enterprise tracks require a Henan registration', () => {
    for (const id of ['qingjie', 'jieneng', 'ziyuan', 'lvse-sheji']) {
      const r = track(id).eligibility.rules.find((x) => x.kind === 'regionWithin');
      assert.deepEqual(r && { field: r.field, codes: r.codes }, { field: 'basic.region', codes: ['41'] }, id);
    }
    assert.deepEqual(track('gongyingshang').eligibility.rules, []);
  });

  test('a 郑州 company passes, a 南京 one fails with the reason, a blank one is unknown', () => {
    const at = (code: string | undefined) => evaluateEligibility([region], { basic: { region: code } }, 2025)[0];
    assert.deepEqual(at('410105'), { ruleId: region.id, status: 'pass', reason: null });
    const fail = at('320105');
    assert.equal(fail.status, 'fail');
    assert.ok(fail.reason?.['zh-CN'].includes('在河南省注册成立的制造业企业'));
    assert.equal(at(undefined).status, 'unknown');
  });

  test('the 赛道方向 ticked on the cover must be the track applied to', () => {
    const outcome = (trackId: string, direction: string) =>
      evaluateEligibility(track(trackId).eligibility.rules, { basic: { region: '410105' }, cover: { trackDirection: direction } }, 2025).map((o) => o.status);
    assert.deepEqual(outcome('jieneng', 'jieneng'), ['pass', 'pass']);
    assert.deepEqual(outcome('jieneng', 'qingjie'), ['pass', 'fail']);
  });

  test('manufacturing and the 基本要求 gates are on the screeners\' checklist', () => {
    const checklist = (id: string) => track(id).eligibility.checklist.map((c) => c.text).join('\n');
    for (const id of ['qingjie', 'jieneng', 'ziyuan']) {
      assert.ok(checklist(id).includes('制造业'), id);
      assert.ok(checklist(id).includes('具有独立法人资格'), id);
      assert.ok(checklist(id).includes('技术知识产权清晰'), id);
    }
    assert.ok(checklist('lvse-sheji').includes('门类C制造业'));
    assert.ok(checklist('gongyingshang').includes('服务河南工业绿色低碳发展的供应商'));
    assert.ok(checklist('gongyingshang').includes('典型案例应为河南制造业企业的案例'));
  });
});

describe('henan-green-2025: the forms of 附件1', () => {
  test('technology form: sections and labels in the order of the paper form', () => {
    const f = form('jishu');
    assert.deepEqual(
      f.sections.map((s) => [s.title, s.filledBy]),
      [
        ['封面', 'applicant'],
        ['一、申报单位基本情况', 'applicant'],
        ['二、申报技术基本情况', 'applicant'],
        ['三、依托项目/案例情况', 'applicant'],
        ['四、承诺申明', 'applicant'],
        ['相关证明材料', 'applicant'],
        ['推荐单位意见', 'recommender'],
      ],
    );
    assert.deepEqual(labels(f, 'cover'), ['申报单位', '技术名称', '赛道方向', '联系人', '联系电话']);
    assert.deepEqual(labels(f, 'basic'), [
      '单位名称', '单位注册地（省/市/县区）', '单位地址', '所属行业', '主要产品', '单位性质', '2024年工业总产值', '员工人数',
      '法定代表人姓名', '法定代表人电话', '电子邮箱', '传真', '单位简介',
    ]);
    assert.deepEqual(labels(f, 'tech'), ['技术名称', '技术类别', '技术所处阶段', '适用范围', '知识产权情况', '共享人', '授权人', '技术原理及创新点', '技术实用性', '示范性、可复制性']);
    assert.deepEqual(labels(f, 'project'), ['依托项目/案例名称', '依托项目/案例内容', '技术应用前后取得的社会、经济、环境效益']);

    const ownership = field(f, 'basic', 'ownership');
    assert.ok(ownership.kind === 'choice');
    assert.deepEqual(ownership.options.map((o) => o.label), ['内资（国有）', '内资（集体）', '内资（民营）', '中外合资', '港澳台', '外商独资']);
    const output = field(f, 'basic', 'output2024');
    assert.ok(output.kind === 'number' && output.unit === '万元');
    const staff = field(f, 'basic', 'staff');
    assert.ok(staff.kind === 'number' && staff.unit === '人' && staff.integer);
    const industry = field(f, 'basic', 'industry');
    assert.ok(industry.kind === 'industry' && industry.scheme === 'gb4754-2017');
    const category = field(f, 'tech', 'category');
    assert.ok(category.kind === 'choice' && !category.multiple);
    assert.equal(category.help, '技术类别参考工作方案中大赛内容，只选取一项勾选');
    assert.deepEqual(category.options.map((o) => o.label), ['清洁生产技术', '节能降碳技术', '资源高效利用技术']);
    const stage = field(f, 'tech', 'stage');
    assert.ok(stage.kind === 'choice' && stage.help?.startsWith('研发类指通过自主研发、技术引进、集成创新等方式'));
    assert.deepEqual(stage.options.map((o) => o.label), ['研发类', '应用类']);
    const ip = field(f, 'tech', 'ip');
    assert.ok(ip.kind === 'choice');
    assert.deepEqual(ip.options.map((o) => o.label), ['完全自主知识产权', '共享知识产权', '获授权使用']);
    assert.deepEqual(field(f, 'tech', 'ipSharedWith').visibleIf, { field: 'ip', equals: 'gongxiang' });
    assert.ok(field(f, 'project', 'benefits').help?.includes('如节能量**tce、节水量 **t，减排二氧化碳**tCO2等指标'));

    const promise = field(f, 'pledge', 'promise');
    assert.ok(promise.kind === 'declaration' && promise.text === PLEDGE);
    const stamp = field(f, 'pledge', 'stamp');
    assert.ok(stamp.kind === 'signature' && stamp.signer === '申报单位公章');
    assert.equal(field(f, 'attachments', 'license').label, '申报单位营业执照');
    assert.equal(field(f, 'attachments', 'userReports').help, '应包括对技术应用的结论性意见，并由应用项目/案例中的技术使用方加盖公章。');
    const recSeal = field(f, 'recommend', 'stamp');
    assert.ok(recSeal.kind === 'signature' && recSeal.signer === '推荐单位公章');
  });

  test('附件1 sets no character limits, so none are invented', () => {
    const limited = def.forms.flatMap((f) => f.sections.flatMap((s) => s.fields.filter((x) => x.kind === 'text' && (x.maxChars || x.minChars)).map((x) => `${f.id}.${s.id}.${x.id}`)));
    assert.deepEqual(limited, []);
  });

  test('green design form: product sections as printed (its 承诺申明 is numbered 四)', () => {
    const f = form('sheji');
    assert.deepEqual(f.sections.map((s) => s.title), ['封面', '一、申报单位基本情况', '二、申报产品基本情况', '四、承诺申明', '相关证明材料', '推荐单位意见']);
    assert.deepEqual(labels(f, 'cover'), ['申报单位', '产品名称', '产品型号', '联系人', '联系电话']);
    assert.equal(field(f, 'cover', 'productModel').help, '填写一种型号，不允许填写系列型号');
    assert.deepEqual(labels(f, 'product'), ['产品名称', '产品型号', '产品功能和主要技术参数', '资源属性', '能源属性', '环境属性', '品质属性', '低碳属性']);
    assert.equal(field(f, 'product', 'lowCarbon').help, '开展“碳足迹核算”，重点说明如何使用低碳原材料、工艺、技术、运输等方面减少企业产品碳排放的具体举措。');
    assert.equal(f.sections.find((s) => s.id === 'attachments')?.fields.length, 12);
  });

  test('service case form: supplier facts, 服务方向 with 其他，具体为, no recommender section', () => {
    const f = form('anli');
    assert.deepEqual(f.sections.map((s) => s.title), ['封面', '一、申报单位基本情况', '二、服务案例基本情况', '三、承诺申明', '相关证明材料']);
    assert.deepEqual(labels(f, 'basic'), ['单位名称', '单位注册地（省/市/县区）', '单位地址', '单位性质', '2024年服务企业数量', '员工人数', '法定代表人姓名', '法定代表人电话', '单位简介']);
    assert.deepEqual(labels(f, 'case'), ['服务案例名称', '服务方向', '服务能力', '典型案例介绍', '服务成效']);
    const direction = field(f, 'case', 'direction');
    assert.ok(direction.kind === 'choice' && direction.allowOther && direction.otherLabel === '其他，具体为');
    assert.deepEqual(direction.options.map((o) => o.label), ['绿色制造关键工艺系统解决方案', '绿色制造咨询评价服务', '末端污染物协同治理技术']);
    const promise = field(f, 'pledge', 'promise');
    assert.ok(promise.kind === 'declaration' && promise.text === PLEDGE);
  });
});

describe('henan-green-2025: answering the 节能降碳 form', () => {
  const f = form('jishu');
  const pdf = (name: string) => ({ id: `f-${name}`, name, size: 200_000, type: 'application/pdf' });
  const answers = (): Record<string, Record<string, unknown>> => ({
    cover: { applicantName: '河南某钢铁集团有限公司', techName: '高炉煤气余压余热梯级利用技术', trackDirection: 'jieneng', contactName: '李工', contactPhone: '13838000000' },
    basic: {
      name: '河南某钢铁集团有限公司',
      region: '410105',
      address: '河南省郑州市金水区某路1号',
      industry: '31',
      products: '热轧板卷、冷轧薄板',
      ownership: 'neizi-minying',
      output2024: 865000,
      staff: 3200,
      legalRepName: '张某',
      legalRepPhone: '0371-66000000',
      email: 'office@example.cn',
      fax: '0371-66000001',
      intro: '公司始建于1958年，年产钢800万吨，拥有省级企业技术中心，先后获评国家级绿色工厂、河南省节能先进单位。'.repeat(30),
    },
    tech: {
      techName: '高炉煤气余压余热梯级利用技术',
      category: 'jieneng',
      stage: 'yingyong',
      scope: '适用于钢铁行业1000立方米以上高炉煤气系统，要求煤气压力稳定。',
      ip: 'zizhu',
      principle: '采用干式TRT与余热锅炉梯级回收高炉煤气压力能和显热，配套智能调控系统。',
      practicality: '解决煤气余压浪费与余热回收率低的问题，改造周期短，企业应用难度低。',
      replicability: '已在省内三家钢铁企业应用，可推广至有色、化工行业的同类工艺。',
    },
    project: {
      name: '2号高炉煤气余压余热回收改造项目',
      content: '项目于2023年实施，新建干式TRT机组及余热锅炉。',
      benefits: '年节能量2.1万tce，减排二氧化碳5.6万tCO2，年节水量12万t。',
    },
    pledge: { promise: true, stamp: { file: pdf('承诺申明盖章页.pdf'), date: '2025-06-20' } },
    attachments: { license: pdf('营业执照.pdf'), ipProof: [pdf('发明专利证书.pdf'), pdf('检测报告.pdf')], effectReports: [pdf('节能降碳效果评价报告.pdf')], userReports: [pdf('用户使用报告.pdf')] },
  });

  test('a complete application passes in submit mode (a long 单位简介 included: the form sets no limit)', () => {
    assert.deepEqual(validateAnswers(f, answers(), { mode: 'submit' }), { ok: true, errors: [] });
  });

  test('the recommending city fills its own section', () => {
    const recommend = { recommend: { unit: '郑州市工业和信息化局', opinion: '经遴选，同意推荐。', stamp: { file: pdf('推荐意见盖章页.pdf'), date: '2025-06-28' } } };
    assert.deepEqual(validateAnswers(f, recommend, { mode: 'submit', filledBy: 'recommender' }), { ok: true, errors: [] });
    const r = validateAnswers(f, { ...answers(), ...recommend }, { mode: 'submit' });
    assert.deepEqual(r.errors.map((e) => e.path), ['recommend']);
  });

  test('共享知识产权 asks for the co-owner and its authorization', () => {
    const a = answers();
    a.tech = { ...a.tech, ip: 'gongxiang' };
    const r = validateAnswers(f, a, { mode: 'submit' });
    assert.deepEqual(r.errors.map((e) => e.path).sort(), ['attachments.ipAuthorization', 'tech.ipSharedWith']);
  });

  test('missing seal and unticked 承诺 are rejected at their paths', () => {
    const a = answers();
    a.pledge = { promise: false };
    const r = validateAnswers(f, a, { mode: 'submit' });
    assert.deepEqual(r.errors.map((e) => e.path), ['pledge.promise', 'pledge.stamp']);
  });

  test('an over-long 其他，具体为 in the service form is rejected at its path', () => {
    const g = form('anli');
    const r = validateAnswers(g, { case: { direction: ['zixun-pingjia', { other: '碳'.repeat(201) }] } }, { mode: 'draft' });
    assert.deepEqual(r.errors.map((e) => [e.path, e.message['zh-CN']]), [['case.direction.1', '不能超过 200 字（当前 201 字）']]);
  });
});

describe('henan-green-2025: city recommendation (§六（一）, §八)', () => {
  const rec = () => def.recommendation ?? assert.fail('no recommendation block');

  test('19 city teams: the 17 省辖市, 济源示范区 and 航空港区, with GB/T 2260 codes', () => {
    assert.equal(rec().unitKind, 'city');
    assert.equal(rec().units.length, 19);
    assert.deepEqual(rec().units.slice(0, 3).map((u) => [u.name, u.regionCode]), [['郑州市', '410100'], ['开封市', '410200'], ['洛阳市', '410300']]);
    assert.deepEqual(rec().units.slice(-2).map((u) => [u.name, u.regionCode]), [['济源示范区', '419001'], ['航空港区', '410173']]);
    for (const u of rec().units.slice(0, 17)) assert.match(u.regionCode ?? '', /^41\d{2}00$/, u.name);
    assert.equal(new Set(rec().units.map((u) => u.regionCode)).size, 19);
  });

  test('每个赛道推荐参赛项目不少于3个: a min of 3 on the four city tracks, no max, no stacking', () => {
    assert.equal(rec().stacking, false);
    for (const id of ['qingjie', 'jieneng', 'ziyuan', 'lvse-sheji']) assert.deepEqual(trackQuota(rec(), id, []), { max: null, min: 3 }, id);
    // Suppliers put forward their own cases: no city quota on 典型案例.
    assert.deepEqual(trackQuota(rec(), 'gongyingshang', []), { max: null, min: null });
  });
});

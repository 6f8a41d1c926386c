import type { FileRef } from '../../src/form/form-template.schema.ts';

// A complete, realistic application to 先导技术榜（绿色低碳领域）, shared by the template's
// tests, the server's end-to-end tests and the benchmark that saves a full draft.

export const samplePdf = (name: string): FileRef => ({ id: `file-${name}`, name, size: 300 * 1024, type: 'application/pdf' });


const techIntro =
  '本技术针对水泥、钢铁、化工等高排放行业烟气二氧化碳浓度低、捕集能耗高的难题，研发了新型复合胺吸收剂及低能耗再生工艺。' +
  '吸收剂由主体胺、空间位阻胺和活化剂按优化比例复配，具有吸收速率快、循环容量大、抗氧化降解能力强的特点。' +
  '工艺上采用级间冷却吸收塔、富液分流解吸和机械蒸汽再压缩热泵，将再生热耗由传统单乙醇胺工艺的每吨二氧化碳3.8吉焦降至2.4吉焦以下，' +
  '捕集率稳定在百分之九十以上，产品气纯度达到百分之九十九点五，可满足食品级和驱油封存等不同用途。' +
  '团队同步开发了吸收剂在线监测与智能调控系统，实时跟踪胺浓度、热稳定盐和腐蚀速率，自动调节贫液流量与再沸器负荷，' +
  '使装置在负荷波动条件下保持最优能效。技术已完成实验室小试、千吨级中试和五万吨级工业示范三个阶段的验证，' +
  '示范装置连续运行超过八千小时，吸收剂年损耗低于每吨二氧化碳零点五千克，关键设备全部实现国产化。' +
  '与国内外同类技术相比，本技术在再生能耗、吸收剂寿命和投资成本方面均具有明显优势，' +
  '单位捕集成本可降至每吨二百元以内，为高排放行业实现深度减排提供了经济可行的技术路径，具备规模化推广条件。';
const scenarios =
  '本技术的主要应用场景包括四类。一是水泥行业，水泥窑尾烟气二氧化碳浓度约为百分之二十至百分之二十五，' +
  '可在不改变熟料生产工艺的前提下加装捕集装置，单条五千吨每天熟料生产线每年可捕集二氧化碳约三十万吨。' +
  '二是钢铁行业，适用于高炉热风炉、石灰窑及自备电厂烟气，可与余热回收系统耦合，利用低品位余热降低再生能耗。' +
  '三是燃煤电厂和燃气电厂，适用于现役机组改造和新建机组同步建设，可与灵活性调峰运行相匹配。' +
  '四是化工园区，可对合成氨、制氢、煤化工等装置尾气进行集中捕集，形成园区级二氧化碳管网。' +
  '捕集所得二氧化碳可用于油田驱油与地质封存、食品级干冰和碳酸饮料、微藻养殖、矿化养护混凝土及合成甲醇等化工利用，' +
  '形成捕集、利用与封存一体化的产业链条。' +
  '在试点城市，本技术已与当地水泥企业合作建设示范工程，并与电力企业签订了推广应用框架协议，' +
  '预计未来三年在建材、钢铁和电力行业推广应用十套以上工业装置，累计年捕集能力超过二百万吨，' +
  '可为地方完成碳达峰目标和培育碳捕集利用与封存产业集群提供支撑。';

export const xiandaoGreenAnswers = (seal: FileRef = samplePdf('applicant-seal.pdf')): Record<string, Record<string, unknown>> => ({
  basic: {
    techName: '低能耗复合胺烟气二氧化碳捕集技术',
    unitName: '某某环境科技股份有限公司碳捕集技术研发团队',
    field: 'green',
    industries: ['772', '4411'],
    trl: 7,
    transferForms: ['tradable', 'cooperating'],
  },
  team: {
    contact: '王工',
    phone: '010-62345678',
    address: '北京市海淀区中关村南大街5号',
    email: 'ccus@example.cn',
    intro: '团队共二十三人，其中博士九人、硕士十人，长期从事烟气污染物与二氧化碳协同治理研究，承担国家重点研发计划项目两项，在碳捕集吸收剂、工艺和装备方面形成完整技术体系。',
  },
  techIntro: { text: techIntro },
  scenarios: { text: scenarios },
  ip: { text: '已获授权发明专利8项，包括“一种低能耗复合胺二氧化碳吸收剂及其制备方法”（ZL202010000000.1）等；发表相关论文12篇。' },
  awards: { items: [{ name: '环境保护科学技术奖', level: 'society', awardedOn: '2021-11' }] },
  economic: { text: '预计三年内占国内水泥行业碳捕集市场份额15%，实现技术许可及装备销售收入约3亿元，单位捕集成本较传统工艺降低30%。' },
  social: { text: '解决高排放行业深度减排的关键技术瓶颈，助力国家碳达峰碳中和目标，带动吸收剂、压缩机等国产装备产业发展。' },
  applicantOpinion: { opinion: '情况属实，同意申报。', seal: { file: seal, date: '2022-10-20' } },
});


export const xiandaoGreenTexts = { techIntro, scenarios };

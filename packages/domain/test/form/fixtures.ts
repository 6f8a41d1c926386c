import { FormTemplateSchema, type FormTemplate, type FormTemplateInput } from '../../src/form/index.ts';

// A template in the shape of the seeds' forms (科创中国 新锐企业榜, 河南 申报表): every field kind,
// a conditional field and section, a repeating group, a year table with averages, computed
// fields, and a section that the recommending unit fills in.

export const templateInput: FormTemplateInput = {
  id: 'kczg-xinrui',
  version: 3,
  title: '2022年“科创中国”新锐企业榜申报表',
  titleEn: 'Rising enterprise list application',
  sections: [
    {
      id: 'basic',
      title: '基本情况',
      fields: [
        { id: 'companyName', kind: 'text', label: '申报企业名称', labelEn: 'Company name', required: true, maxChars: 50 },
        { id: 'creditCode', kind: 'creditCode', label: '统一社会信用代码', required: true },
        { id: 'region', kind: 'region', label: '所在地区', help: '请根据企业纳税所在地区填写（X省X市）', level: 'city', required: true },
        { id: 'founded', kind: 'date', label: '企业工商登记日期', min: '1949-10-01', max: '2022-12-31', required: true },
        {
          id: 'isHighTech',
          kind: 'choice',
          label: '是否高新技术企业',
          required: true,
          options: [
            { value: 'yes', label: '是' },
            { value: 'no', label: '否' },
          ],
        },
        { id: 'highTechCertNo', kind: 'text', label: '高新技术企业证书编号', required: true, maxChars: 30, visibleIf: { field: 'isHighTech', equals: 'yes' } },
        { id: 'capital', kind: 'number', label: '注册资本', unit: '万元', min: 0 },
        { id: 'staff', kind: 'number', label: '从业人数', unit: '人', integer: true, min: 0, required: true },
        { id: 'industry', kind: 'industry', label: '主营业务行业及代码', level: 'group', required: true },
        { id: 'strategic', kind: 'industry', label: '所属行业', scheme: 'strategic-emerging-2018', level: 'section' },
        { id: 'trl', kind: 'trl', label: '技术成熟度' },
        {
          id: 'ownership',
          kind: 'choice',
          label: '单位性质',
          allowOther: true,
          options: [
            { value: 'state', label: '国有' },
            { value: 'collective', label: '集体' },
            { value: 'private', label: '民营' },
          ],
        },
        {
          id: 'fields',
          kind: 'choice',
          label: '专业领域',
          multiple: true,
          minSelected: 2,
          maxSelected: 3,
          allowOther: true,
          options: [
            { value: 'newEnergy', label: '新能源及应用' },
            { value: 'carbon', label: '碳中和与绿色创新' },
            { value: 'materials', label: '新材料及应用' },
            { value: 'agriculture', label: '现代农业' },
          ],
        },
        { id: 'email', kind: 'text', label: '邮箱', format: 'email' },
        { id: 'phone', kind: 'text', label: '电话', format: 'phone' },
        { id: 'intro', kind: 'text', label: '技术团队简介（200字）', multiline: true, minChars: 20, maxChars: 200, required: true },
      ],
    },
    {
      id: 'innovation',
      title: '企业技术研发投入',
      fields: [
        {
          id: 'rd',
          kind: 'yearTable',
          label: '近三年',
          required: true,
          years: [2020, 2021, 2022],
          yearLabels: { '2022': '2022年1-6月' },
          rows: [
            { id: 'patents', label: '专利申请量', unit: '项', integer: true, min: 0 },
            { id: 'rdSpend', label: '研发经费总额', unit: '万元', min: 0 },
            { id: 'revenue', label: '营业收入总额', unit: '万元', min: 0 },
            {
              id: 'evaluation',
              label: '关键核心技术应用程度评估',
              type: 'choice',
              optional: true,
              options: [
                { value: 'high', label: '高' },
                { value: 'mid', label: '较高' },
                { value: 'low', label: '一般' },
              ],
            },
          ],
        },
        {
          id: 'rdIntensity',
          kind: 'computed',
          label: '研发经费投入强度',
          unit: '%',
          scale: 100,
          expression: { op: 'ratio', args: ['rd.rdSpend.average', 'rd.revenue.average'] },
        },
        {
          id: 'growth',
          kind: 'computed',
          label: '营业收入增长率',
          unit: '%',
          scale: 100,
          expression: { op: 'ratio', args: [{ op: 'difference', args: ['rd.revenue.2022', 'rd.revenue.2021'] }, 'innovation.rd.revenue.2021'] },
        },
      ],
    },
    {
      id: 'team',
      title: '核心团队',
      fields: [
        {
          id: 'members',
          kind: 'group',
          label: '主要成员',
          itemLabel: '成员',
          required: true,
          minItems: 1,
          maxItems: 3,
          fields: [
            { id: 'name', kind: 'text', label: '姓名', required: true, maxChars: 20 },
            { id: 'since', kind: 'date', label: '起始年月', precision: 'month' },
            { id: 'share', kind: 'number', label: '持股', unit: '%', min: 0, max: 100 },
            { id: 'bonus', kind: 'number', label: '期权', unit: '%', min: 0, max: 100 },
            { id: 'total', kind: 'computed', label: '合计', unit: '%', expression: { op: 'sum', args: ['share', 'bonus'] } },
            { id: 'phd', kind: 'choice', label: '博士', options: [{ value: 'y', label: '是' }, { value: 'n', label: '否' }] },
            { id: 'thesis', kind: 'text', label: '博士论文题目', required: true, visibleIf: { field: 'phd', equals: 'y' } },
          ],
        },
      ],
    },
    {
      id: 'highTech',
      title: '高新技术企业证明',
      visibleIf: { field: 'basic.isHighTech', equals: 'yes' },
      fields: [{ id: 'certificate', kind: 'file', label: '高新技术企业证书', accept: ['.pdf'], required: true }],
    },
    {
      id: 'attachments',
      title: '相关证明材料',
      fields: [
        { id: 'license', kind: 'file', label: '营业执照', accept: ['.pdf', 'image/*'], maxSizeMB: 5, required: true },
        { id: 'patents', kind: 'file', label: '专利证书', accept: ['.pdf'], multiple: true, maxFiles: 3 },
      ],
    },
    {
      id: 'pledge',
      title: '承诺申明',
      fields: [
        { id: 'promise', kind: 'declaration', label: '承诺申明', text: '我单位申报的所有材料，均真实、完整，如有不实，愿承担相应的责任。' },
        { id: 'stamp', kind: 'signature', label: '申报单位公章' },
      ],
    },
    {
      id: 'recommend',
      title: '推荐单位意见',
      filledBy: 'recommender',
      fields: [
        { id: 'opinion', kind: 'text', label: '推荐意见', required: true, maxChars: 500 },
        { id: 'stamp', kind: 'signature', label: '推荐单位公章', signer: '推荐单位公章', signerEn: "recommending unit's seal" },
      ],
    },
  ],
};

export const template: FormTemplate = FormTemplateSchema.parse(templateInput);

export const pdf = (name = 'license.pdf', size = 1024 * 1024) => ({ id: `f-${name}`, name, size, type: 'application/pdf' });

/** A complete applicant answer set that passes submit validation. */
export function validAnswers(): Record<string, Record<string, unknown>> {
  return {
    basic: {
      companyName: '福建绿能科技有限公司',
      creditCode: '91350100M000100Y43',
      region: '350100',
      founded: '2015-06-18',
      isHighTech: 'no',
      capital: 1200.5,
      staff: 86,
      industry: '3841',
      strategic: '7',
      trl: 7,
      ownership: 'private',
      fields: ['newEnergy', { other: '储能' }],
      email: 'contact@example.cn',
      phone: '0591-87654321',
      intro: '团队由十二名成员组成，其中博士三名，长期从事锂离子电池回收与梯次利用技术研发。',
    },
    innovation: {
      rd: {
        patents: { '2020': 3, '2021': 5, '2022': 4 },
        rdSpend: { '2020': 100, '2021': 150, '2022': 200 },
        revenue: { '2020': 1000, '2021': 1500, '2022': 1800 },
      },
    },
    team: { members: [{ name: '林工', since: '2016-03', share: 12.5, bonus: 2.5, phd: 'n' }] },
    attachments: { license: pdf(), patents: [pdf('p1.pdf'), pdf('p2.pdf')] },
    pledge: { promise: true, stamp: { file: pdf('stamp.pdf'), date: '2022-10-20' } },
  };
}

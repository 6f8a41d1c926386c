import type { ProgramDefinitionInput } from '../../src/program/program-definition.schema.ts';

// A small program whose one form has a field of every kind, for checking which rule kind fits
// which field, and a repeating group of application cases (应用案例) for the group rules.

export const everyKindForm = {
  id: 'f',
  version: 1,
  title: '申报表',
  sections: [
    {
      id: 'basic',
      title: '基本情况',
      fields: [
        { id: 'text', kind: 'text', label: '名称' },
        { id: 'number', kind: 'number', label: '营业收入', unit: '万元', min: 0, max: 100000 },
        { id: 'date', kind: 'date', label: '成立日期' },
        { id: 'choice', kind: 'choice', label: '类型', options: [{ value: 'a', label: '甲' }, { value: 'b', label: '乙' }] },
        {
          id: 'table', kind: 'yearTable', label: '经营数据', years: [2021, 2022],
          rows: [{ id: 'revenue', label: '收入' }, { id: 'level', label: '水平', type: 'choice', options: [{ value: 'hi', label: '高' }, { value: 'lo', label: '低' }] }],
        },
        { id: 'region', kind: 'region', label: '注册地', level: 'county' },
        { id: 'industry', kind: 'industry', label: '行业', level: 'division' },
        { id: 'trl', kind: 'trl', label: '技术成熟度' },
        { id: 'creditCode', kind: 'creditCode', label: '统一社会信用代码' },
        { id: 'file', kind: 'file', label: '营业执照' },
        { id: 'declaration', kind: 'declaration', label: '承诺', text: '本单位承诺。' },
        { id: 'signature', kind: 'signature', label: '盖章页' },
        { id: 'computed', kind: 'computed', label: '收入合计', expression: { op: 'sum', args: ['number', 'table.revenue.2022'] } },
        {
          id: 'group', kind: 'group', label: '应用案例', itemLabel: '案例', maxItems: 5,
          fields: [
            { id: 'name', kind: 'text', label: '案例名称' },
            { id: 'country', kind: 'choice', label: '国家', options: [{ value: 'cn', label: '中国' }, { value: 'other', label: '其他国家' }] },
            { id: 'startDate', kind: 'date', label: '开始日期', precision: 'month' },
          ],
        },
      ],
    },
    { id: 'opinion', title: '推荐意见', filledBy: 'recommender', fields: [{ id: 'agree', kind: 'declaration', label: '同意推荐', text: '同意推荐。' }] },
  ],
} as const;

export function ruleProgram(rules: unknown[], overrides: Record<string, unknown> = {}): ProgramDefinitionInput {
  return {
    slug: 'rule-fit',
    name: '规则测试',
    year: 2025,
    organizers: ['主办方'],
    phases: [
      { id: 'call', kind: 'call', name: '征集', nameEn: 'the call', startsAt: '2025-05-01', endsAt: '2025-06-30 24:00' },
      { id: 'final', kind: 'final', name: '终评', startsAt: '2025-08-01', endsAt: '2025-08-31' },
    ],
    tracks: [{ id: 't', name: '赛道', formId: 'f', eligibility: { rules, checklist: [] }, ...overrides }],
    forms: [everyKindForm],
  } as unknown as ProgramDefinitionInput;
}

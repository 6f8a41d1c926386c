import type { ProgramDefinitionInput } from './program-definition.schema.ts';

/**
 * A program from scratch: the smallest definition that is valid and runs (one call, one track,
 * one form with the applicant's basics, an attachment and the 承诺申明), for an organizer to
 * grow in the definition editor.
 */
export function starterDefinition(input: { slug: string; name: string; year: number }): ProgramDefinitionInput {
  return {
    slug: input.slug,
    name: input.name,
    year: input.year,
    organizers: ['（主办单位）'],
    summary: '',
    phases: [
      { id: 'call', kind: 'call', name: '征集', startsAt: `${input.year}-01-01`, endsAt: `${input.year}-03-31 24:00` },
      { id: 'review', kind: 'final', name: '评审', startsAt: `${input.year}-04-01`, endsAt: `${input.year}-05-31` },
      { id: 'publication', kind: 'publication', name: '发布', startsAt: `${input.year}-06-01`, endsAt: `${input.year}-06-30` },
    ],
    tracks: [{ id: 'main', name: '（赛道名称）', formId: 'main', entry: 'direct', awardTiers: [{ id: 'first', name: '一等奖' }] }],
    forms: [
      {
        id: 'main',
        version: 1,
        title: `${input.name}申报表`,
        sections: [
          {
            id: 'basic',
            title: '申报单位基本情况',
            fields: [
              { id: 'name', kind: 'text', label: '单位名称', required: true, maxChars: 100 },
              { id: 'creditCode', kind: 'creditCode', label: '统一社会信用代码', required: true },
              { id: 'region', kind: 'region', label: '所在地区', level: 'city', required: true },
              { id: 'intro', kind: 'text', label: '项目简介', multiline: true, maxChars: 1000, required: true },
              { id: 'license', kind: 'file', label: '营业执照', accept: ['.pdf', '.jpg', '.png'], maxSizeMB: 10, required: true },
            ],
          },
          {
            id: 'pledge',
            title: '承诺申明',
            fields: [{ id: 'declaration', kind: 'declaration', label: '承诺申明', text: '本单位承诺所提交的全部材料真实、准确、完整，如有不实，愿承担相应责任。' }],
          },
        ],
      },
    ],
  };
}

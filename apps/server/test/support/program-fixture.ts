import { formatShanghai, type ProgramDefinitionInput } from '@lvping/domain';

/** A small program whose call is open around `now`: a form with the kinds the journey touches. */
export function testProgram(slug: string, now = Date.now(), days = { before: 10, after: 10 }): ProgramDefinitionInput {
  const day = 86_400_000;
  return {
    slug,
    name: `测试活动 ${slug}`,
    year: new Date(now).getUTCFullYear(),
    organizers: ['测试主办方'],
    summary: '用于测试',
    phases: [
      { id: 'call', kind: 'call', name: '征集', startsAt: formatShanghai(now - days.before * day, false), endsAt: `${formatShanghai(now + days.after * day, false)} 24:00` },
      { id: 'review', kind: 'final', name: '终评', startsAt: formatShanghai(now + (days.after + 1) * day, false), endsAt: formatShanghai(now + (days.after + 20) * day, false) },
    ],
    tracks: [
      { id: 'green', name: '绿色低碳', formId: 'main', entry: 'direct', eligibility: { rules: [], checklist: [] } },
      { id: 'storage', name: '储能', formId: 'main' },
    ],
    forms: [
      {
        id: 'main',
        version: 1,
        title: '申报表',
        sections: [
          {
            id: 'basic',
            title: '基本情况',
            fields: [
              { id: 'projectName', kind: 'text', label: '项目名称', required: true, maxChars: 20 },
              { id: 'summary', kind: 'text', label: '项目简介', multiline: true, maxChars: 200 },
              { id: 'revenue', kind: 'number', label: '营业收入', unit: '万元', min: 0 },
              { id: 'license', kind: 'file', label: '营业执照', accept: ['.pdf', '.jpg', '.png'], maxSizeMB: 1, required: true },
            ],
          },
          {
            id: 'pledge',
            title: '承诺',
            fields: [{ id: 'declaration', kind: 'declaration', label: '承诺申明', text: '本单位承诺所填信息真实有效。' }],
          },
        ],
      },
    ],
  };
}

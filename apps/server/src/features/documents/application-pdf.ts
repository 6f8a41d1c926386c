import { computeDerived, formatRegion, FormState, type ApplicationStatus, type FormTemplate, type Section } from '@lvping/domain';
import { shanghaiDate } from './answer-format.ts';
import { renderSection, seal } from './pdf-fields.ts';
import type { Mode, RenderContext } from './pdf-grid.ts';
import { PdfLayout, SIZE } from './pdf-layout.ts';
import { balancedLines } from './title-lines.ts';

// The printable 申报书: a cover page, then the form's sections as the bordered tables of a
// Chinese government application form, with "第 N 页 共 M 页" on every page. The same layout
// with empty boxes is the blank form applicants download to draft offline.

export type PdfOrganization = {
  name: string;
  creditCode: string;
  regionCode: string;
  address?: string;
  contactName?: string;
  contactPhone?: string;
};

export type ApplicationPdfInput = {
  programName: string;
  trackName: string;
  form: FormTemplate;
  answers: unknown;
  organization: PdfOrganization;
  /** 申报编号 */
  number: string;
  submittedAt: number | null;
  status: ApplicationStatus;
  /** The recommending unit's endorsement, once it is given. */
  recommendation?: { unitName: string; opinion: string; decidedAt: number };
};

export type BlankFormPdfInput = { programName: string; trackName: string; form: FormTemplate };

/** Statuses whose printout must not pass for a submitted application. */
const WATERMARKS: Partial<Record<ApplicationStatus, string>> = { draft: '草稿', withdrawn: '已撤回' };

type CoverLine = [label: string, value: string];

function cover(layout: PdfLayout, programName: string, number: string, lines: CoverLine[]): void {
  const { doc } = layout;
  layout.body(SIZE.body + 1);
  doc.text(`申报编号：${number || '＿＿＿＿＿＿＿＿'}`, layout.left, 40, { width: layout.width, align: 'right' });
  doc.y = 190;
  // Balanced lines, each drawn on its own: a long name never leaves one character alone at the end.
  layout.body(22, true);
  for (const text of balancedLines(programName, layout.width - 1, (t) => doc.widthOfString(t))) layout.line(text, { size: 22, bold: true, align: 'center' });
  layout.space(26);
  layout.line('申报书', { size: 40, bold: true, align: 'center', spacing: 18 });
  const labelW = 128;
  const x0 = layout.left + 40;
  const valueW = layout.width - 80 - labelW - 8;
  doc.y = 455;
  for (const [label, value] of lines) {
    const top = doc.y;
    layout.body(SIZE.heading - 1).text(`${label}：`, x0, top, { width: labelW, align: 'right' });
    layout.body(SIZE.heading - 1).text(value || ' ', x0 + labelW + 8, top, { width: valueW, align: 'center' });
    const under = Math.max(doc.y, top + 20) + 1;
    doc.lineWidth(0.6).moveTo(x0 + labelW + 8, under).lineTo(x0 + labelW + 8 + valueW, under).stroke('black');
    doc.y = under + 16;
  }
  layout.body();
}

function applicationCover(layout: PdfLayout, input: ApplicationPdfInput): void {
  const org = input.organization;
  const lines: CoverLine[] = [
    ['申报类别', input.trackName],
    ['申报单位', org.name],
    ['统一社会信用代码', org.creditCode],
    ['所在地区', formatRegion(org.regionCode) ?? org.regionCode],
  ];
  if (org.contactName) lines.push(['联系人', org.contactName]);
  if (org.contactPhone) lines.push(['联系电话', org.contactPhone]);
  lines.push(['填报日期', input.submittedAt === null ? '　　年　　月　　日' : shanghaiDate(input.submittedAt)]);
  cover(layout, input.programName, input.number, lines);
}

function blankCover(layout: PdfLayout, input: BlankFormPdfInput): void {
  const labels = ['申报类别', '申报单位', '统一社会信用代码', '所在地区', '联系人', '联系电话', '填报日期'];
  cover(layout, input.programName, '', labels.map((l): CoverLine => [l, l === '申报类别' ? input.trackName : l === '填报日期' ? '　　年　　月　　日' : '']));
}

/** The body pages: form title, then every (visible) section in order. */
function sections(ctx: RenderContext): void {
  const { layout, template } = ctx;
  layout.newPage();
  layout.line(template.title, { size: SIZE.title, bold: true, align: 'center' });
  layout.space(10);
  const shown = template.sections.filter((s) => !ctx.state || ctx.state.sectionVisible(s));
  shown.forEach((section, i) => {
    renderSection(ctx, section, i);
    if (needsFallbackSeal(shown, i)) seal(ctx, '申报单位（盖章）', undefined);
  });
  // A form without a recommender's section still prints the unit's endorsement at its end.
  const rec = ctx.recommendation;
  if (rec && !shown.some((s) => s.filledBy === 'recommender')) {
    layout.heading('推荐单位意见');
    layout.flowBox(rec.opinion, {
      label: { text: `推荐单位：${rec.unitName}`, width: layout.width, label: true, align: 'left' }, indent: true, minHeight: 120,
      footer: [`推荐单位（盖章）：${rec.unitName}`, shanghaiDate(rec.decidedAt)],
    });
  }
}

/** A form without a signature field still ends the applicant's part with the seal block. */
function needsFallbackSeal(shown: Section[], i: number): boolean {
  const applicant = shown.filter((s) => s.filledBy === 'applicant');
  const last = applicant[applicant.length - 1];
  return shown[i] === last && !applicant.some((s) => s.fields.some((f) => f.kind === 'signature'));
}

async function render(mode: Mode, input: { programName: string; trackName: string; form: FormTemplate }, filled?: ApplicationPdfInput): Promise<Buffer> {
  const layout = new PdfLayout();
  if (filled) applicationCover(layout, filled);
  else blankCover(layout, input);
  const state = filled ? new FormState(input.form, filled.answers) : undefined;
  const derived = filled ? computeDerived(input.form, filled.answers) : {};
  sections({ layout, template: input.form, mode, state, derived, organizationName: filled?.organization.name, recommendation: filled?.recommendation });
  return layout.finish({
    coverPages: 1,
    header: { left: `${input.programName} · ${input.trackName}`, right: filled ? `申报编号：${filled.number}` : '申报书（空白稿）' },
    watermark: filled ? WATERMARKS[filled.status] : undefined,
  });
}

/** The filled 申报书 of one application as a PDF. */
export function renderApplicationPdf(input: ApplicationPdfInput): Promise<Buffer> {
  return render('filled', input, input);
}

/** The blank form of a track as a PDF, with limits and units, for drafting on paper. */
export function renderBlankFormPdf(input: BlankFormPdfInput): Promise<Buffer> {
  return render('blank', input);
}

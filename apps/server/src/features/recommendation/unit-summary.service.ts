import { computeDerived, formatRegion, FormState, formatShanghai } from '@lvping/domain';
import type { Actor, Deps } from '../../context.ts';
import { authorize } from '../access/access.service.ts';
import { formOf } from '../applications/application.service.ts';
import { answerColumn, type ExportCell } from '../documents/export-columns.ts';
import { channelRefs, channelsOf, loadProgramRec, loadUnitForMemberOrOrganizer, programUnits, trackName, type ProgramRec } from './recommendation-access.ts';
import { listEndorsementsOf, unitDecisionsOfProgram, type EndorsementRow } from './unit-summary.repository.ts';
import type { UnitRow } from './unit.repository.ts';
import { renderUnitSummaryPdf } from './unit-summary-pdf.ts';
import { renderUnitSummaryXlsx } from './unit-summary-xlsx.ts';

// 推荐汇总表: each recommending unit's list of what it endorsed, in its order of preference, with
// the columns the definition names (recommendation.summary.columns), its 推荐意见 and the
// recommending unit and channel on every row. The unit downloads its own (Excel, and a PDF with
// a seal page to stamp and upload or post); the organizer any unit's, or every unit's in one
// workbook with a sheet per unit.

export type SummaryRow = {
  preference: number;
  number: string;
  trackName: string;
  organizationName: string;
  creditCode: string;
  region: string;
  /** The definition's columns, in order. */
  cells: ExportCell[];
  opinion: string;
  endorsedAt: string;
};
export type UnitSummary = { programName: string; title: string; unitName: string; unitRegion: string; channels: string; headers: string[]; rows: SummaryRow[] };

const SUMMARY = '推荐汇总表';

/** Summaries of these units, rows in each unit's order of preference (older endorsements without one by time). */
async function summaries(deps: Deps, rec: ProgramRec, units: UnitRow[]): Promise<UnitSummary[]> {
  const endorsed = await listEndorsementsOf(deps.db, units.map((u) => u.id));
  const wanted = rec.block.summary.columns;
  const headers = wanted.map((c) => c.header ?? c.field);
  const rowsOf = new Map<string, EndorsementRow[]>();
  for (const e of endorsed) rowsOf.set(e.unit_id, [...(rowsOf.get(e.unit_id) ?? []), e]);
  const out: UnitSummary[] = [];
  for (const unit of units) {
    const mine = (rowsOf.get(unit.id) ?? []).sort((a, b) => (a.preference ?? Infinity) - (b.preference ?? Infinity) || a.decided_at - b.decided_at);
    const rows: SummaryRow[] = [];
    for (const [i, e] of mine.entries()) {
      const form = await formOf(deps.db, { program_id: rec.program.id, form_id: e.form_id, form_version: e.form_version });
      const answers = JSON.parse(e.answers_json) as unknown;
      const view = { state: new FormState(form, answers), derived: computeDerived(form, answers) };
      const cells = wanted.map((c, j) => {
        const column = answerColumn(form, c.field, c.header);
        if (column && !c.header && headers[j] === c.field) headers[j] = column.header; // the field's own label
        return column ? column.value(view) : null;
      });
      rows.push({
        preference: i + 1, number: e.number, trackName: trackName(rec.def, e.track_id), organizationName: e.organization_name, creditCode: e.credit_code,
        region: formatRegion(e.region_code) ?? e.region_code, cells, opinion: e.opinion ?? '', endorsedAt: formatShanghai(e.decided_at),
      });
    }
    out.push({
      programName: rec.def.name, title: rec.block.summary.title ?? SUMMARY, unitName: unit.name,
      unitRegion: unit.region_code ? (formatRegion(unit.region_code) ?? unit.region_code) : '', channels: channelRefs(rec.block, channelsOf(unit)).map((c) => c.name).join('、'),
      headers, rows,
    });
  }
  // Headers a later form resolved are the same for every sheet.
  for (const s of out) s.headers = headers;
  return out;
}

/** One unit's 推荐汇总表, for its members and the program's organizers. */
export async function unitSummary(deps: Deps, actor: Actor | null, unitId: string, format: 'xlsx' | 'pdf'): Promise<{ filename: string; body: Buffer }> {
  const unit = await loadUnitForMemberOrOrganizer(deps, actor, unitId);
  const rec = await loadProgramRec(deps.db, unit.program_id);
  const [summary] = await summaries(deps, rec, [unit]);
  const body = format === 'xlsx' ? await renderUnitSummaryXlsx([summary]) : await renderUnitSummaryPdf(summary);
  return { filename: `${rec.def.name}-${unit.name}-${summary.title}.${format}`, body };
}

/** The organizer's workbook: every unit of the program (or the given ones), a sheet per unit. */
export async function programUnitSummaries(deps: Deps, actor: Actor | null, programId: string, unitIds?: string[]): Promise<{ filename: string; body: Buffer }> {
  authorize(actor, 'application.list', { programId });
  const rec = await loadProgramRec(deps.db, programId);
  const units = (await programUnits(deps.db, rec, deps.now())).filter((u) => !unitIds?.length || unitIds.includes(u.id));
  const all = await summaries(deps, rec, units);
  return { filename: `${rec.def.name}-${rec.block.summary.title ?? SUMMARY}（全部推荐单位）.xlsx`, body: await renderUnitSummaryXlsx(all) };
}

export type UnitDecisionColumns = { unitName: string; channels: string; opinion: string | null; preference: number | null };

/** Each application's unit, channels and opinion, for the program's exports (applications without a unit are absent). */
export async function unitColumnsOfProgram(deps: Deps, programId: string): Promise<Map<string, UnitDecisionColumns>> {
  const rec = await loadProgramRec(deps.db, programId);
  const [units, decisions] = await Promise.all([programUnits(deps.db, rec, deps.now()), unitDecisionsOfProgram(deps.db, programId)]);
  const byId = new Map(units.map((u) => [u.id, u]));
  const out = new Map<string, UnitDecisionColumns>();
  for (const d of decisions) {
    const u = byId.get(d.unit_id!);
    if (!u) continue;
    const endorsed = d.nomination_status === 'endorsed';
    out.set(d.id, {
      unitName: u.name, channels: channelRefs(rec.block, channelsOf(u)).map((c) => c.name).join('、'),
      opinion: endorsed ? d.opinion : null, preference: endorsed && d.preference !== null ? Number(d.preference) : null,
    });
  }
  return out;
}

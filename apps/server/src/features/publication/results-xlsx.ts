import ExcelJS from 'exceljs';
import { AppError, can, formatShanghai } from '@lvping/domain';
import type { Actor, Deps } from '../../context.ts';
import { listDecisions } from '../outcome/outcome.repository.ts';
import { columnWidth, styleHeader, thinBorder } from '../documents/xlsx-util.ts';
import { computeRanking, titleOf } from '../review/ranking.service.ts';
import { roundsOf } from '../review/rounds.ts';
import { tierOf, trackOf } from './certificates.ts';
import { listAwardWinners, publicationApplications, validCertificatesOf } from './publication.repository.ts';
import { loadProgramDef } from './publish.service.ts';
import { correctionsOf, publishedProgram, winnersOf } from './results.service.ts';

// The results as Excel: the organizer's with ranks, scores and their spread, and the public
// one, only once published, with tiers and names and no scores.

type Sheet = { name: string; headers: string[]; rows: (string | number | null)[][] };

async function workbook(sheets: Sheet[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  for (const s of sheets) {
    const ws = wb.addWorksheet(s.name);
    styleHeader(ws.addRow(s.headers), s.headers.length);
    for (const r of s.rows) ws.addRow(r).eachCell((c) => { c.border = thinBorder; });
    ws.columns.forEach((col, i) => { col.width = columnWidth([s.headers[i], ...s.rows.map((r) => String(r[i] ?? ''))], 6, 50); });
    ws.views = [{ state: 'frozen', ySplit: 1 }];
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

export async function organizerResultsXlsx(deps: Deps, actor: Actor | null, programId: string) {
  if (!actor) throw new AppError('UNAUTHENTICATED');
  if (!can(actor, 'program.publish', { programId }) && !can(actor, 'application.list', { programId })) throw new AppError('FORBIDDEN');
  const { def } = await loadProgramDef(deps, programId);
  const decisions = await listDecisions(deps.db, programId);
  const apps = new Map((await publicationApplications(deps.db, programId, decisions.map((d) => d.application_id))).map((a) => [a.id, a]));
  const serials = new Map((await validCertificatesOf(deps.db, programId)).filter((c) => c.application_id).map((c) => [c.application_id!, c.serial]));
  // The spread of each score comes from the final round's ranking; without sheets there is none.
  const rounds = roundsOf(def);
  const sd = new Map<string, number>();
  const ranking = await computeRanking(deps, programId, def, rounds[rounds.length - 1]).catch(() => null);
  for (const t of ranking?.tracks ?? []) for (const i of t.items) if (i.sd !== null && i.sd !== undefined) sd.set(i.applicationId, i.sd);
  const order = new Map(def.tracks.map((t, i) => [t.id, i]));
  const rows = decisions.filter((d) => apps.has(d.application_id))
    .sort((a, b) => (order.get(a.track_id) ?? 99) - (order.get(b.track_id) ?? 99) || (a.rank ?? 1e9) - (b.rank ?? 1e9))
    .map((d) => {
      const a = apps.get(d.application_id)!;
      const tier = d.removed ? null : tierOf(def, a.track_id, d.tier_id);
      const round2 = (x: number | null | undefined) => (x === null || x === undefined ? null : Math.round(x * 100) / 100);
      return [trackOf(def, a.track_id)?.name ?? a.track_id, d.rank, a.number, titleOf(def, a), a.org_name, a.unit_name ?? null, round2(d.score), round2(sd.get(a.id)), tier?.name ?? (d.removed ? '已取消' : '未获奖'), serials.get(a.id) ?? null];
    });
  const body = await workbook([{ name: '评选结果', headers: ['赛道', '排名', '申报编号', '项目名称', '申报单位', '推荐单位', '得分', '标准差', '获奖等级', '证书编号'], rows }]);
  return { filename: `${def.name}-评选结果（内部）.xlsx`, body };
}

export async function publicResultsXlsx(deps: Deps, slug: string) {
  const { row, def } = await publishedProgram(deps, slug);
  const order = new Map(def.tracks.map((t, i) => [t.id, i]));
  const tierOrder = (trackId: string, tierId: string) => trackOf(def, trackId)?.awardTiers.findIndex((t) => t.id === tierId) ?? 99;
  const winners = (await winnersOf(deps.db, row.id, def)).sort((a, b) =>
    (order.get(a.app.track_id) ?? 99) - (order.get(b.app.track_id) ?? 99) || tierOrder(a.app.track_id, a.decision.tier_id!) - tierOrder(b.app.track_id, b.decision.tier_id!) || (a.decision.rank ?? 1e9) - (b.decision.rank ?? 1e9));
  const sheets: Sheet[] = [{
    name: '获奖名单',
    headers: ['赛道', '获奖等级', '项目名称', '申报单位', '推荐单位'],
    rows: winners.map((w) => [trackOf(def, w.app.track_id)?.name ?? w.app.track_id, tierOf(def, w.app.track_id, w.decision.tier_id)!.name, w.title, w.app.org_name, w.app.unit_name ?? null]),
  }];
  const awards = await listAwardWinners(deps.db, row.id);
  if (awards.length) sheets.push({ name: '组织奖', headers: ['奖项', '获奖单位'], rows: awards.map((w) => [def.programAwards.find((a) => a.id === w.award_id)?.name ?? w.award_id, w.unit_name]) });
  const corrections = await correctionsOf(deps.db, row.id, def);
  if (corrections.length) {
    sheets.push({
      name: '更正',
      headers: ['更正日期', '赛道', '项目名称', '申报单位', '原等级', '更正为', '原因'],
      rows: corrections.map((c) => [formatShanghai(c.at, false), c.trackName, c.title, c.organization, c.from?.name ?? '未获奖', c.to?.name ?? '未获奖', c.reason]),
    });
  }
  return { filename: `${def.name}-获奖名单.xlsx`, body: await workbook(sheets) };
}

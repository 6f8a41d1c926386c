import type { ProgramAwardRule } from './decision-definition.schema.ts';
import type { Why } from './tiers.ts';

// Program-level awards given to recommending units by the definition's rule: 河南's 优秀组织奖
// to each city whose applications entered every track it recommends into, or the top units by
// how many of their applications entered or won. A manual award has no rule: the organizer
// adds each winner by hand with a reason, so the rule gives none.

export type Participation = {
  unitId: string;
  unitName: string;
  trackId: string;
  applicationId: string;
  /** How far it got: endorsed by its unit, or past screening too. */
  stage: 'endorsed' | 'screened';
  /** Decided with a tier. */
  awarded: boolean;
};
export type AwardTrack = { id: string; entry: string; name?: string };
export type ProgramAwardWinner = { unitId: string; unitName: string; why: Why; tracksCovered: string[] };

const byName = (a: { unitName: string; unitId: string }, b: { unitName: string; unitId: string }) => a.unitName.localeCompare(b.unitName, 'zh-CN') || a.unitId.localeCompare(b.unitId);

function unitsOf(participations: Participation[]) {
  const units = new Map<string, { unitId: string; unitName: string; list: Participation[] }>();
  for (const p of participations) {
    const u = units.get(p.unitId) ?? { unitId: p.unitId, unitName: p.unitName, list: [] };
    u.list.push(p);
    units.set(p.unitId, u);
  }
  return [...units.values()];
}

export function programAwardWinners(rule: ProgramAwardRule, participations: Participation[], tracks: AwardTrack[]): ProgramAwardWinner[] {
  if (rule.kind === 'manual') return [];
  const nameOf = new Map(tracks.map((t) => [t.id, t.name ?? t.id]));
  if (rule.kind === 'unitsInEveryTrack') {
    const required = rule.tracks ?? tracks.filter((t) => t.entry === 'recommendation').map((t) => t.id);
    if (!required.length) return [];
    const stageZh = rule.stage === 'screened' ? '通过初筛' : '获推荐';
    const stageEn = rule.stage === 'screened' ? 'passed screening' : 'were endorsed';
    const names = required.map((t) => nameOf.get(t) ?? t);
    return unitsOf(participations)
      .map((u) => {
        const counted = u.list.filter((p) => rule.stage === 'endorsed' || p.stage === 'screened');
        const covered = new Set(counted.map((p) => p.trackId));
        return { ...u, covered: required.filter((t) => covered.has(t)) };
      })
      .filter((u) => u.covered.length === required.length)
      .sort(byName)
      .map((u) => ({
        unitId: u.unitId, unitName: u.unitName, tracksCovered: u.covered,
        why: {
          zh: `推荐的申报在全部 ${required.length} 个赛道（${names.join('、')}）均有${stageZh}的项目`,
          en: `its applications ${stageEn} in all ${required.length} tracks (${names.join(', ')})`,
        },
      }));
  }
  const what = rule.count === 'awarded' ? { zh: '获奖', en: 'awarded' } : { zh: '参评', en: 'entered' };
  const counted = unitsOf(participations)
    .map((u) => {
      const list = u.list.filter((p) => rule.count === 'entered' || p.awarded);
      return { ...u, n: new Set(list.map((p) => p.applicationId)).size, tracks: [...new Set(list.map((p) => p.trackId))] };
    })
    .filter((u) => u.n > 0)
    .sort((a, b) => b.n - a.n || byName(a, b));
  if (!counted.length) return [];
  // Ties at the cut are all in: the n-th unit's count is the bar.
  const bar = counted[Math.min(rule.n, counted.length) - 1].n;
  const winners = counted.filter((u) => u.n >= bar);
  return winners.map((u) => {
    const place = counted.findIndex((x) => x.n === u.n) + 1;
    const tied = counted.filter((x) => x.n === u.n).length > 1;
    const tiedAtCut = tied && u.n === bar && winners.length > rule.n;
    return {
      unitId: u.unitId, unitName: u.unitName, tracksCovered: u.tracks,
      why: {
        zh: `${what.zh}项目 ${u.n} 项，第 ${place} 名${tied ? '（并列）' : ''}；取前 ${rule.n} 名${tiedAtCut ? `，与第 ${rule.n} 名并列者均入选` : ''}`,
        en: `${u.n} applications ${what.en}, place ${place}${tied ? ' (tied)' : ''}; the top ${rule.n} win${tiedAtCut ? `, and every unit tied at place ${rule.n} with them` : ''}`,
      },
    };
  });
}

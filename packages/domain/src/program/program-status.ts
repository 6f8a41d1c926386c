import { programStatuses } from './program-summary.schema.ts';
import type { PhaseKind, ProgramDefinition } from './program-definition.schema.ts';
import { shanghaiToEpoch } from './shanghai-time.ts';

// A program's status, one state machine derived from its phases: draft → open (征集中) →
// reviewing (评审中) → publicity (公示中) → published (结果已发布) → closed (已归档). A program
// without review phases skips 评审中, one without a 公示 skips 公示中 — the path is the
// definition's own, so "next" is always the one step after the current status on it. Nothing
// goes back and nothing is skipped: the server's one mover (program-status.service.ts) asks
// `programStatusStep` and refuses what it refuses, naming the allowed next status.

export type ProgramStatus = (typeof programStatuses)[number];

export const programStatusNames: Record<ProgramStatus, { 'zh-CN': string; en: string }> = {
  draft: { 'zh-CN': '筹备中', en: 'In preparation' },
  open: { 'zh-CN': '征集中', en: 'Open for applications' },
  reviewing: { 'zh-CN': '评审中', en: 'Under review' },
  publicity: { 'zh-CN': '公示中', en: 'Public notice' },
  published: { 'zh-CN': '结果已发布', en: 'Results published' },
  closed: { 'zh-CN': '已归档', en: 'Archived' },
};

/** Which phases each status stands for (推荐 comes after the call, with screening and review). */
const phaseStatus: Record<PhaseKind, ProgramStatus> = {
  call: 'open',
  recommendation: 'reviewing', screening: 'reviewing', preliminary: 'reviewing', site_visit: 'reviewing', roadshow: 'reviewing', final: 'reviewing', committee: 'reviewing',
  publicity: 'publicity',
  publication: 'published', promotion: 'published',
};

type Phased = Pick<ProgramDefinition, 'phases'> & { review?: { rounds?: readonly unknown[] }; decision?: { publicity?: { results?: unknown } } };

/** The statuses this program passes through, in order. */
export function programStatusPath(def: Phased): ProgramStatus[] {
  const kinds = new Set(def.phases.map((p) => phaseStatus[p.kind]));
  const reviews = kinds.has('reviewing') || (def.review?.rounds?.length ?? 0) > 0;
  const publicity = kinds.has('publicity') || !!def.decision?.publicity?.results;
  return programStatuses.filter((s) => (s !== 'reviewing' || reviews) && (s !== 'publicity' || publicity));
}

const rank = (s: ProgramStatus) => programStatuses.indexOf(s);

/** The statuses a program may move to from `from`: the next one on its path (none once archived). */
export function nextProgramStatuses(def: Phased, from: ProgramStatus): ProgramStatus[] {
  // A status the path no longer holds (the definition lost its 公示 since) still moves forward.
  const next = programStatusPath(def).find((s) => rank(s) > rank(from));
  return next ? [next] : [];
}

type Refusal = { zh: string; en: string };
const zhName = (s: ProgramStatus) => `“${programStatusNames[s]['zh-CN']}”`;
const enName = (s: ProgramStatus) => `"${programStatusNames[s].en}"`;

/** Whether the program may go from `from` to `to`; a refusal names the allowed next status in both languages. */
export function programStatusStep(def: Phased, from: ProgramStatus, to: ProgramStatus): { to: ProgramStatus; allowed: ProgramStatus[] } | { refused: Refusal; allowed: ProgramStatus[] } {
  const allowed = nextProgramStatuses(def, from);
  if (allowed.includes(to)) return { to, allowed };
  const zhAllowed = allowed.length ? `可进入：${allowed.map(zhName).join('、')}` : '已是最后一个状态，不能再变更';
  const enAllowed = allowed.length ? `allowed next: ${allowed.map(enName).join(', ')}` : 'it is the last status; nothing follows';
  const base = `当前状态为${zhName(from)}`;
  if (to === from) return { allowed, refused: { zh: `${base}，无需变更；${zhAllowed}`, en: `the program is already ${enName(from)}; ${enAllowed}` } };
  if (!programStatusPath(def).includes(to)) {
    return { allowed, refused: { zh: `本活动的阶段中没有${zhName(to)}（见活动定义的 phases）；${zhAllowed}`, en: `this program's phases have no ${enName(to)} step (see the definition's phases); ${enAllowed}` } };
  }
  if (rank(to) < rank(from)) return { allowed, refused: { zh: `${base}，不能退回${zhName(to)}；${zhAllowed}`, en: `cannot go back from ${enName(from)} to ${enName(to)}; ${enAllowed}` } };
  const skipped = programStatusPath(def).filter((s) => rank(s) > rank(from) && rank(s) < rank(to));
  return {
    allowed,
    refused: {
      zh: `${base}，不能跳过${skipped.map(zhName).join('、')}直接进入${zhName(to)}；${zhAllowed}`,
      en: `cannot skip ${skipped.map(enName).join(', ')} to go from ${enName(from)} to ${enName(to)}; ${enAllowed}`,
    },
  };
}

/**
 * The status the calendar suggests at `now` (epoch ms): that of the latest phase begun. Shown beside
 * the real status so an organizer sees a program the phases have left behind; it moves nothing.
 */
export function calendarStatus(def: Pick<ProgramDefinition, 'phases'>, now: number): ProgramStatus {
  let best: ProgramStatus = 'draft';
  for (const p of def.phases) {
    const s = phaseStatus[p.kind];
    if (shanghaiToEpoch(p.startsAt) <= now && rank(s) > rank(best)) best = s;
  }
  return best;
}

// The expert's side of review rounds, without React: which of a sheet's problems to show while
// the expert is still filling it in, how points are written, a sheet read back from this
// browser's storage, and 我的评审 grouped by program and round with its progress.
import type { FieldError, Lang } from '@lvping/domain/errors.ts';
import type { Rubric } from '@lvping/domain/review/rubric.schema.ts';
import { sheetProblems, sheetTotal, type Sheet, type SheetTotal } from '@lvping/domain/review/score-sheet.ts';
import type { MyAssignment } from '../api/assignment.api.ts';

/**
 * The problems to show beside the fields. Wrong values (over the maximum, off the step), a low
 * score without its comment and a failed gate without its note show as soon as they are typed;
 * what is merely not filled in yet shows only once the expert tried to submit.
 */
export function visibleProblems(rubric: Rubric, sheet: Sheet, attempted: boolean): FieldError[] {
  const all = sheetProblems(rubric, sheet, { complete: true });
  if (attempted) return all;
  return all.filter((p) => !isMissing(sheet, p.path));
}

function isMissing(sheet: Sheet, path: string): boolean {
  if (path === 'overallComment') return true;
  const [kind, id, sub] = path.split('.');
  if (kind === 'scores') return (sheet.scores[id] ?? null) === null;
  if (kind === 'gates' && sub === undefined) return (sheet.gates[id]?.pass ?? null) === null;
  return false;
}

/** The messages at exactly this path. */
export const problemsAt = (problems: readonly FieldError[], path: string): FieldError[] => problems.filter((p) => p.path === path);

/** Points as people write them: at most two decimals, no trailing zeros (17.5, 85, 83.33). */
export function formatPoints(x: number): string {
  return String(Math.round(x * 100) / 100);
}

export type LiveTotal = SheetTotal & {
  /** Σ of the weighted parts scored so far (valid scores only): the total once every criterion is scored. */
  partial: number;
  /** Criteria with a valid score. */
  scored: number;
};

/**
 * The total as the expert types: the domain's Σ weight × score / max, with a wrong score (over
 * the maximum, off the step) counted as not scored yet rather than added in.
 */
export function liveTotal(rubric: Rubric, sheet: Sheet): LiveTotal {
  const wrong = new Set(sheetProblems(rubric, sheet, { complete: false }).filter((p) => p.path.startsWith('scores.')).map((p) => p.path.slice('scores.'.length)));
  const scores = Object.fromEntries(Object.entries(sheet.scores).map(([k, v]) => [k, wrong.has(k) ? null : v]));
  const t = sheetTotal(rubric, { ...sheet, scores });
  const partial = Math.round(t.parts.reduce((sum, p) => sum + (p.weighted ?? 0), 0) * 1e6) / 1e6;
  return { ...t, partial, scored: t.parts.filter((p) => p.weighted !== null).length };
}

/** The failed gates' names in the reader's language, as a list. */
export function failedGateNames(rubric: Rubric, total: Pick<SheetTotal, 'failedGates'>, lang: Lang): string {
  const names = total.failedGates.map((f) => {
    const g = rubric.gates.find((x) => x.id === f.gateId);
    return lang === 'en' ? (g?.nameEn ?? f.name) : f.name;
  });
  return names.join(lang === 'en' ? ', ' : '、');
}

/** Whether a problem's path has a field of its own on the sheet; the others are listed above it. */
export function isPlacedOnSheet(rubric: Rubric, path: string): boolean {
  if (path === 'overallComment') return true;
  const [kind, id, sub] = path.split('.');
  if (kind === 'scores' || kind === 'comments') return sub === undefined && rubric.criteria.some((c) => c.id === id);
  if (kind === 'gates') return (sub === undefined || sub === 'note') && rubric.gates.some((g) => g.id === id);
  return false;
}

const isRecord = (v: unknown): v is Record<string, unknown> => !!v && typeof v === 'object' && !Array.isArray(v);

/**
 * A sheet as kept in this browser's storage, checked for shape (storage is anyone's to edit):
 * entries of the wrong type are dropped rather than sent; null when it is not a sheet at all.
 */
export function sheetFromStorage(v: unknown): Sheet | null {
  if (!isRecord(v)) return null;
  const scores: Sheet['scores'] = {};
  const comments: Sheet['comments'] = {};
  const gates: Sheet['gates'] = {};
  if (isRecord(v.scores)) for (const [k, x] of Object.entries(v.scores)) if (x === null || (typeof x === 'number' && Number.isFinite(x))) scores[k] = x;
  if (isRecord(v.comments)) for (const [k, x] of Object.entries(v.comments)) if (typeof x === 'string') comments[k] = x;
  if (isRecord(v.gates)) {
    for (const [k, x] of Object.entries(v.gates)) {
      if (isRecord(x) && (x.pass === null || typeof x.pass === 'boolean')) gates[k] = { pass: x.pass, note: typeof x.note === 'string' ? x.note : '' };
    }
  }
  return { scores, comments, gates, overallComment: typeof v.overallComment === 'string' ? v.overallComment : '' };
}

/** Where this browser keeps a sheet's unsaved edits (autosave-store's key space, kept apart from applications). */
export const sheetDraftId = (assignmentId: string) => `sheet.${assignmentId}`;

export type AssignmentGroup = {
  key: string;
  programId: string;
  programName: string;
  roundId: string;
  roundName: string;
  dueAt: number | null;
  blind: boolean;
  items: MyAssignment[];
  /** Not declined: what the expert is to score. */
  assigned: number;
  submitted: number;
};

const collator = new Intl.Collator('zh-CN', { numeric: true });

/** 我的评审 by program, then round (in the order the server lists them: the newest first), rows by number. */
export function groupAssignments(items: readonly MyAssignment[]): AssignmentGroup[] {
  const groups = new Map<string, AssignmentGroup>();
  const programOrder: string[] = [];
  for (const x of items) {
    const key = `${x.programId}\u0000${x.roundId}`;
    let g = groups.get(key);
    if (!g) {
      g = { key, programId: x.programId, programName: x.programName, roundId: x.roundId, roundName: x.roundName, dueAt: x.dueAt, blind: x.blind, items: [], assigned: 0, submitted: 0 };
      groups.set(key, g);
      if (!programOrder.includes(x.programId)) programOrder.push(x.programId);
    }
    g.items.push(x);
    if (x.status !== 'declined') {
      g.assigned++;
      if (x.sheet === 'submitted') g.submitted++;
    }
  }
  const out = [...groups.values()];
  for (const g of out) g.items.sort((a, b) => collator.compare(a.applicationNumber, b.applicationNumber));
  return out.sort((a, b) => programOrder.indexOf(a.programId) - programOrder.indexOf(b.programId));
}

/** What the expert may do with an assignment now. */
export type AssignmentStep = 'declined' | 'confirm' | 'score' | 'view';

export function assignmentStep(x: Pick<MyAssignment, 'status' | 'confirmed' | 'sheet'>): AssignmentStep {
  if (x.status === 'declined') return 'declined';
  if (!x.confirmed) return 'confirm';
  return x.sheet === 'submitted' ? 'view' : 'score';
}

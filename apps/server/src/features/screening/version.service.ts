import { AppError, can, diffAnswers, type ChecklistMark, type RuleResult, type ScreeningOutcome } from '@lvping/domain';
import type { Actor, Deps } from '../../context.ts';
import { loadOwn, loadReadable } from '../applications/application-access.ts';
import type { ApplicationRow } from '../applications/application.repository.ts';
import { formOf } from '../applications/application.service.ts';
import { findProgramById } from '../programs/program.repository.ts';
import { programDefinition } from '../programs/program.service.ts';
import { listScreenings } from './screening.repository.ts';
import { findVersion, listVersions } from './version.repository.ts';

// Submitted versions (read by the applicant and by those who may read the application) and
// what the applicant is told of screening: return comments at once, failure reasons once released.

type Outcomes = Map<number, ScreeningOutcome>;

/** What screening made of each version, as this reader may know it: an applicant does not see an unreleased failure. */
async function outcomesFor(deps: Deps, actor: Actor, row: ApplicationRow): Promise<Outcomes> {
  const screener = can(actor, 'application.screen', { programId: row.program_id, trackId: row.track_id });
  const out: Outcomes = new Map();
  for (const s of await listScreenings(deps.db, row.id)) {
    if (!s.outcome) continue;
    if (s.outcome === 'fail' && !s.released_at && !screener) continue;
    out.set(s.version_no, s.outcome as ScreeningOutcome);
  }
  return out;
}

const summary = (v: { version_no: number; form_version: number; submitted_at: number }, outcomes: Outcomes) => ({
  versionNo: v.version_no, formVersion: v.form_version, submittedAt: v.submitted_at, outcome: outcomes.get(v.version_no) ?? null,
});

export async function listApplicationVersions(deps: Deps, actor: Actor | null, id: string) {
  const row = await loadReadable(deps, actor, id);
  const outcomes = await outcomesFor(deps, actor!, row);
  return { items: (await listVersions(deps.db, id)).map((v) => summary(v, outcomes)) };
}

async function versionOrThrow(deps: Deps, id: string, versionNo: number) {
  const v = await findVersion(deps.db, id, versionNo);
  if (!v) throw new AppError('NOT_FOUND', { fields: [{ path: 'versionNo', message: { 'zh-CN': `没有第 ${versionNo} 版`, en: `No version ${versionNo}` } }] });
  return v;
}

export async function getApplicationVersion(deps: Deps, actor: Actor | null, id: string, versionNo: number) {
  const row = await loadReadable(deps, actor, id);
  const v = await versionOrThrow(deps, id, versionNo);
  return { ...summary(v, await outcomesFor(deps, actor!, row)), answers: JSON.parse(v.answers_json) as Record<string, unknown> };
}

/** What changed from one version to another, read against the later version's form. */
export async function compareApplicationVersions(deps: Deps, actor: Actor | null, id: string, from: number, to: number) {
  const row = await loadReadable(deps, actor, id);
  const [a, b] = [await versionOrThrow(deps, id, from), await versionOrThrow(deps, id, to)];
  const form = await formOf(deps.db, { program_id: row.program_id, form_id: row.form_id, form_version: Math.max(a.form_version, b.form_version) });
  const outcomes = await outcomesFor(deps, actor!, row);
  return { from: summary(a, outcomes), to: summary(b, outcomes), changes: diffAnswers(form, JSON.parse(a.answers_json), JSON.parse(b.answers_json)) };
}

type ChecklistItem = { id: string; text: string; textEn?: string };
const failedChecksOf = (items: readonly ChecklistItem[], marks: Record<string, ChecklistMark>) =>
  items.filter((i) => marks[i.id]?.checked === false).map((i) => ({ id: i.id, text: i.text, ...(i.textEn ? { textEn: i.textEn } : {}), note: marks[i.id]!.note }));

/** The applicant's own view of screening. Only the applicant: a reviewer reads the screening view instead. */
export async function screeningFeedback(deps: Deps, actor: Actor | null, id: string) {
  const row = await loadOwn(deps, actor, id);
  const program = await findProgramById(deps.db, row.program_id);
  const checklist = (program ? programDefinition(program) : null)?.tracks.find((t) => t.id === row.track_id)?.eligibility.checklist ?? [];
  const items = [];
  let awaitingRelease = false;
  for (const s of await listScreenings(deps.db, id)) {
    if (!s.outcome || s.decided_at === null) continue;
    if (s.outcome === 'fail' && !s.released_at) {
      awaitingRelease = true;
      continue;
    }
    const failed = s.outcome === 'fail' ? (JSON.parse(s.rules_json ?? '[]') as RuleResult[]).filter((r) => r.status === 'fail') : [];
    items.push({
      versionNo: s.version_no, outcome: s.outcome as ScreeningOutcome,
      // A pass note is the screener's own; the applicant reads return comments and released reasons.
      message: s.outcome === 'pass' ? null : s.reason,
      failedRules: failed.map((r) => ({ description: r.description, reason: r.reason })),
      // What the screener ticked 不符合 goes with the decision it led to (a return at once, a failure once released).
      failedChecks: s.outcome === 'pass' ? [] : failedChecksOf(checklist, JSON.parse(s.checklist_json) as Record<string, ChecklistMark>),
      decidedAt: s.decided_at,
    });
  }
  return { items, awaitingRelease };
}

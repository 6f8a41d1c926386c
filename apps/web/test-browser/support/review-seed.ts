// Review rounds set up through the API, for the tests whose subject is what comes after
// assignment: experts with accounts (invited from the pool and accepted), a round's phase moved
// into the past so it is overdue, and score sheets filled and submitted as an expert would.
import assert from 'node:assert/strict';
import { mailText, type ReceivedMail } from '../../../server/test/support/smtp.ts';
import { httpClient, signedIn, type HttpClient } from './http-client.ts';

/** The password of the experts acceptedExperts registers. */
export const EXPERT_PASSWORD = 'expert review 2026';

export type ExpertAccount = { id: string; name: string; email: string; client: HttpClient };
type Profile = { name: string; orgName: string; email: string; keywords: string[]; bio: string; fields: string[] };

/**
 * Puts experts into the pool, invites them to the program, and has each register with the
 * invited address and accept (capacity `maxLoad`): experts who can sign in and score.
 */
export async function acceptedExperts(baseUrl: string, organizer: HttpClient, programId: string, mails: ReceivedMail[], profiles: Profile[], maxLoad = 10): Promise<ExpertAccount[]> {
  const out: ExpertAccount[] = [];
  for (const p of profiles) {
    const created = await organizer.ok(organizer.post('/api/experts', p));
    await organizer.ok(organizer.post(`/api/programs/${programId}/experts/invitations`, { expertIds: [created.id] }));
    const token = await waitFor(() => {
      for (const m of mails.filter((x) => x.to.includes(p.email))) {
        const hit = /\/expert\/invitation\?token=([A-Za-z0-9_-]+)/.exec(mailText(m.raw));
        if (hit) return hit[1];
      }
      return null;
    }, `the invitation mail to ${p.email}`);
    const c = await httpClient(baseUrl);
    await c.ok(c.post('/api/auth/register', { email: p.email, password: EXPERT_PASSWORD, displayName: p.name }));
    await c.ok(c.post('/api/expert-invitations/accept', { token, maxLoad }));
    out.push({ id: created.id, name: p.name, email: p.email, client: c });
  }
  return out;
}

/** An expert of the demo pool who has an account (the demo expert), signed in. */
export async function demoExpert(baseUrl: string, organizer: HttpClient, programId: string, email: string, password: string): Promise<ExpertAccount> {
  const items: { expertId: string; expert: { name: string; email: string } }[] = (await organizer.ok(organizer.get(`/api/programs/${programId}/experts`))).items;
  const me = items.find((x) => x.expert.email === email);
  assert.ok(me, `${email} is not on the program`);
  return { id: me.expertId, name: me.expert.name, email, client: await signedIn(baseUrl, email, password) };
}

export async function waitFor<T>(probe: () => T | null, what: string, timeoutMs = 10_000): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const v = probe();
    if (v !== null) return v;
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** Moves a phase (a review round's) to end two days ago: the round is overdue. */
export async function moveIntoPast(organizer: HttpClient, programId: string, phaseId: string): Promise<void> {
  const program = await organizer.ok(organizer.get(`/api/programs/${programId}`));
  const day = 86_400_000;
  const date = (offset: number) => new Date(Date.now() + 8 * 3600_000 + offset * day).toISOString().slice(0, 10);
  const def = program.definition;
  const phase = def.phases.find((p: { id: string }) => p.id === phaseId);
  assert.ok(phase, phaseId);
  Object.assign(phase, { startsAt: date(-12), endsAt: date(-2) });
  await organizer.ok(organizer.put(`/api/programs/${programId}/definition`, { format: 'json', text: JSON.stringify(def), baseUpdatedAt: program.updatedAt }));
}

/** 创蓝's five criteria, each out of its weight (25, 20, 20, 20, 15). */
export const CNBLUE_CRITERIA = [['lvse', 25], ['chuangxin', 20], ['tuandui', 20], ['chengzhang', 20], ['ip', 15]] as const;

/** A complete 创蓝 sheet scoring every criterion at `level` (0–1) of its maximum; its total is the sum. */
export function cnblueSheet(level: number, note: string) {
  const scores: Record<string, number> = {};
  const comments: Record<string, string> = {};
  for (const [id, max] of CNBLUE_CRITERIA) {
    scores[id] = Math.max(0, Math.min(max, Math.round(max * level)));
    comments[id] = `${note}：该项表现与评分一致`;
  }
  return { scores, comments, gates: {}, overallComment: `${note}。总体评价：技术路线清晰，减排效益可核查。` };
}
export const sheetTotal = (sheet: { scores: Record<string, number> }) => Object.values(sheet.scores).reduce((s, x) => s + x, 0);

/** An assignment as the expert sees it in /api/review-assignments/mine. */
export type MyAssignment = { id: string; applicationId: string; roundId: string; sheet: string; status: string };

/** The expert's published assignments of a round. */
export async function myAssignments(c: HttpClient, roundId: string): Promise<MyAssignment[]> {
  const items: MyAssignment[] = (await c.ok(c.get('/api/review-assignments/mine'))).items;
  return items.filter((i) => i.roundId === roundId && i.status === 'published');
}

/** Confirms no conflict, saves the sheet, and (unless `draftOnly`) submits it; returns the saved view. */
export async function scoreAs(c: HttpClient, assignmentId: string, sheet: unknown, opts: { draftOnly?: boolean } = {}) {
  await c.ok(c.post(`/api/review-assignments/${assignmentId}/confirm`, {}));
  const current = await c.ok(c.get(`/api/review-assignments/${assignmentId}/sheet`));
  const saved = await c.ok(c.put(`/api/review-assignments/${assignmentId}/sheet`, { sheet, baseRevision: current.revision }));
  if (opts.draftOnly) return saved;
  assert.deepEqual(saved.problems, []);
  return c.ok(c.post(`/api/review-assignments/${assignmentId}/sheet/submit`, { baseRevision: saved.revision }));
}

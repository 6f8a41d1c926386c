import type { Deps } from '../../context.ts';
import { appendAnchor, lastAnchor, type Anchor } from './audit-anchor-file.ts';
import { auditHead, rememberAnchor, rememberedAnchor } from './audit.repository.ts';

// When the chain's head is anchored (signed into the anchors file): when a process starts,
// every hour, after every phase change (a program's status, every move of its outcome) and at
// publication, whose anchor the public results page prints.

/**
 * Signs the current head into the anchors file. Call it after the commit of the change it
 * should cover: inside the transaction the head is not yet the one others will see.
 */
export async function anchorAuditHead(deps: Deps, reason: string): Promise<Anchor> {
  const head = await auditHead(deps.db);
  const last = await lastAnchor(deps.config.audit.anchorsFile);
  // The chain never gets shorter: this one is, or is not the chain that was anchored.
  if (last && last.seq > head.seq) {
    deps.log.error({ head: head.seq, anchored: last.seq, anchoredAt: last.at }, 'audit chain is shorter than its last anchor: rows were removed or an older database copy is in use; run `npm run cli -- audit-verify`');
  }
  return appendAnchor(deps.config, { seq: head.seq, hash: head.hash, at: deps.now(), reason });
}

/**
 * The anchor after a committed change: a failure is logged, not thrown, because the change is
 * already done and the client must not see it as failed (the next anchor covers it).
 */
export async function anchorQuietly(deps: Deps, reason: string): Promise<Anchor | null> {
  try {
    return await anchorAuditHead(deps, reason);
  } catch (err) {
    deps.log.error({ err, reason }, 'audit anchor failed');
    return null;
  }
}

/** Awaits a transaction, then anchors the head it left: `return anchorAfter(deps, 'outcome.submit', deps.db.transaction().execute(…))`. */
export async function anchorAfter<T>(deps: Deps, reason: string, committed: Promise<T>): Promise<T> {
  const value = await committed;
  await anchorQuietly(deps, reason);
  return value;
}

const publicationName = (programId: string) => `publication:${programId}`;

/** The anchor made at a program's publication, remembered for its results page. */
export async function anchorPublication(deps: Deps, programId: string): Promise<Anchor | null> {
  const anchor = await anchorQuietly(deps, `outcome.publish ${programId}`);
  if (anchor) await rememberAnchor(deps.db, publicationName(programId), anchor);
  return anchor;
}

export const publicationAnchor = (deps: Deps, programId: string) => rememberedAnchor(deps.db, publicationName(programId));

/**
 * The hourly anchor, run by the recurring job `audit.anchor` (once per slot across processes).
 * A head already anchored that recently (at a phase change, say) is not written again.
 */
export async function hourlyAnchor(deps: Deps): Promise<Anchor | null> {
  const every = deps.config.audit.anchorEveryMs;
  const [head, last] = await Promise.all([auditHead(deps.db), lastAnchor(deps.config.audit.anchorsFile)]);
  if (last && last.seq === head.seq && last.hash === head.hash && deps.now() - last.at < every * 0.9) return null;
  return anchorAuditHead(deps, 'hourly');
}

import type { Config } from '../../config.ts';
import type { Db } from '../../db/database.ts';
import { GENESIS_HASH } from './audit-chain.ts';
import { anchorSignatureValid, loadAnchorKey, parseAnchor, parseHeader, readAnchorLines, type Anchor } from './audit-anchor-file.ts';
import { verifyAuditChain, type AuditVerification } from './audit.service.ts';

// `audit-verify`: the chain on its own (an edited, re-hashed or deleted row), then the chain
// against the anchors file (every anchor signed by this installation's key, every anchored
// seq present with the anchored hash, the chain at least as long as the longest anchor).

type Where = { line: number; seq: number; at: number; reason: string };
export type AnchorProblem =
  | { kind: 'no_file'; file: string }
  | { kind: 'no_header'; file: string }
  | { kind: 'key_mismatch'; line: number }
  | { kind: 'malformed'; line: number }
  | ({ kind: 'bad_signature' } & Where)
  | ({ kind: 'hash_differs'; anchored: string; actual: string } & Where)
  | ({ kind: 'missing_rows'; chainEnd: number } & Where);

export type AnchorVerification =
  | { ok: true; anchors: number; last: Anchor | null; keyConfirmed: boolean }
  | { ok: false; anchors: number; problem: AnchorProblem };

export type FullAuditVerification = { ok: boolean; chain: AuditVerification; anchors: AnchorVerification };

const when = (at: number) => new Date(at).toISOString();

export async function verifyAudit(db: Db, config: Config): Promise<FullAuditVerification> {
  const file = config.audit.anchorsFile;
  const lines = await readAnchorLines(file);
  let parsed: { anchors: (Anchor & { line: number })[]; problem: AnchorProblem | null; keyConfirmed: boolean };
  if (lines === null) parsed = { anchors: [], problem: { kind: 'no_file', file }, keyConfirmed: false };
  else parsed = await parseAnchors(lines, file, config);

  // Anchored hashes by seq, compared while the chain is read once.
  const bySeq = new Map<number, (Anchor & { line: number })[]>();
  for (const a of parsed.anchors) bySeq.set(a.seq, [...(bySeq.get(a.seq) ?? []), a]);
  let differs: (Anchor & { line: number; actual: string }) | null = null;
  let chainEnd = 0;
  const chain = await verifyAuditChain(db, (row) => {
    chainEnd = row.seq;
    for (const a of bySeq.get(row.seq) ?? []) if (a.hash !== row.hash && (!differs || a.seq < differs.seq)) differs = { ...a, actual: row.hash };
  });
  for (const a of bySeq.get(0) ?? []) if (a.hash !== GENESIS_HASH && !differs) differs = { ...a, actual: GENESIS_HASH };

  let problem = parsed.problem;
  if (!problem && differs) {
    const d = differs as Anchor & { line: number; actual: string };
    problem = { kind: 'hash_differs', line: d.line, seq: d.seq, at: d.at, reason: d.reason, anchored: d.hash, actual: d.actual };
  }
  // A chain broken part way was not read to its end: its length says nothing then.
  if (!problem && chain.ok) {
    const longest = parsed.anchors.reduce<(Anchor & { line: number }) | null>((m, a) => (!m || a.seq > m.seq ? a : m), null);
    if (longest && longest.seq > chainEnd) problem = { kind: 'missing_rows', line: longest.line, seq: longest.seq, at: longest.at, reason: longest.reason, chainEnd };
  }
  const anchors: AnchorVerification = problem
    ? { ok: false, anchors: parsed.anchors.length, problem }
    : { ok: true, anchors: parsed.anchors.length, last: parsed.anchors.at(-1) ?? null, keyConfirmed: parsed.keyConfirmed };
  return { ok: chain.ok && anchors.ok, chain, anchors };
}

async function parseAnchors(lines: { line: number; text: string }[], file: string, config: Config) {
  const anchors: (Anchor & { line: number })[] = [];
  const header = lines.length ? parseHeader(lines[0].text) : null;
  if (!header) return { anchors, problem: { kind: 'no_header', file } as AnchorProblem, keyConfirmed: false };
  // The header's key is only as good as the file; the installation's own key confirms it.
  const own = await loadAnchorKey(config, { create: false });
  if (own && own.publicKey !== header.publicKey) return { anchors, problem: { kind: 'key_mismatch', line: 1 } as AnchorProblem, keyConfirmed: false };
  for (const { line, text } of lines.slice(1)) {
    const again = parseHeader(text);
    if (again) {
      // Two processes starting an empty file both write the header: the same key is harmless.
      if (again.publicKey !== header.publicKey) return { anchors, problem: { kind: 'key_mismatch', line } as AnchorProblem, keyConfirmed: false };
      continue;
    }
    const a = parseAnchor(text);
    if (!a) return { anchors, problem: { kind: 'malformed', line } as AnchorProblem, keyConfirmed: false };
    if (!anchorSignatureValid(header.publicKey, a)) return { anchors, problem: { kind: 'bad_signature', line, seq: a.seq, at: a.at, reason: a.reason } as AnchorProblem, keyConfirmed: false };
    anchors.push({ ...a, line });
  }
  return { anchors, problem: null, keyConfirmed: own !== null };
}

/** One sentence per finding, for the command line. */
export function describeAnchorProblem(p: AnchorProblem): string {
  switch (p.kind) {
    case 'no_file': return `no audit anchors file at ${p.file}: a removed tail or an older database copy cannot be detected (start the server once, or run \`npm run cli -- audit-anchor\`)`;
    case 'no_header': return `${p.file} does not start with an lvping audit anchors header`;
    case 'key_mismatch': return `anchors file line ${p.line} names another public key than this installation's signing key: the file was rewritten or belongs to another installation`;
    case 'malformed': return `anchors file line ${p.line} is not an anchor (edited, or torn by a crash while being written)`;
    case 'bad_signature': return `anchors file line ${p.line} (#${p.seq}, ${when(p.at)}) has a bad signature: the anchor was edited or forged`;
    case 'hash_differs': return `anchored hash differs at #${p.seq}: the anchor of ${when(p.at)} (${p.reason}, line ${p.line}) names ${p.anchored.slice(0, 16)}… but the chain has ${p.actual.slice(0, 16)}…: rows up to #${p.seq} were rewritten, or an older copy of the database was restored and written to since`;
    case 'missing_rows': return `audit chain ends at #${p.chainEnd} but the anchor of ${when(p.at)} (${p.reason}, line ${p.line}) names #${p.seq}: rows #${p.chainEnd + 1}… are missing (deleted, or an older copy of the database is in use)`;
  }
}

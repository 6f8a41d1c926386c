import type { Db } from '../../db/database.ts';
import type { AuditLogTable } from '../../db/schema.ts';
import { GENESIS_HASH, auditRowHash } from './audit-chain.ts';
import { streamAuditRows } from './audit.repository.ts';

export type AuditVerification =
  | { ok: true; rows: number }
  | { ok: false; rows: number; firstBadSeq: number; reason: 'hash_mismatch' | 'broken_link' | 'gap' };

/**
 * Walks the whole chain and reports the first row that was changed, removed or inserted.
 * `visit` sees every row read (the anchor check compares anchored hashes on the way).
 */
export async function verifyAuditChain(db: Db, visit?: (row: AuditLogTable) => void): Promise<AuditVerification> {
  let prevHash = GENESIS_HASH;
  let expectedSeq = 1;
  let rows = 0;
  for await (const row of streamAuditRows(db)) {
    visit?.(row);
    rows++;
    if (row.seq !== expectedSeq) return { ok: false, rows, firstBadSeq: expectedSeq, reason: 'gap' };
    if (row.prev_hash !== prevHash) return { ok: false, rows, firstBadSeq: row.seq, reason: 'broken_link' };
    if (auditRowHash(row) !== row.hash) return { ok: false, rows, firstBadSeq: row.seq, reason: 'hash_mismatch' };
    prevHash = row.hash;
    expectedSeq++;
  }
  return { ok: true, rows };
}

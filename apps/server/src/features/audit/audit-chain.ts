import { createHash } from 'node:crypto';

// Each audit row carries the hash of the row before it, so editing, deleting or
// re-ordering any row breaks every hash after it.
export const GENESIS_HASH = '0'.repeat(64);

export type AuditFields = {
  seq: number;
  at: number;
  actor_id: string | null;
  action: string;
  entity: string;
  entity_id: string | null;
  before_json: string | null;
  after_json: string | null;
  request_id: string | null;
  prev_hash: string;
};

export function auditRowHash(row: AuditFields): string {
  // A fixed field order and JSON encoding make the hash independent of the engine.
  const canonical = JSON.stringify([
    row.seq, row.at, row.actor_id, row.action, row.entity, row.entity_id,
    row.before_json, row.after_json, row.request_id, row.prev_hash,
  ]);
  return createHash('sha256').update(canonical).digest('hex');
}

import { AppError, can, CatalogFieldsSchema, nextCatalogStatus, type CatalogEntryStatus, type CatalogEvent, type CatalogFields } from '@lvping/domain';
import type { Actor } from '../../context.ts';
import type { Db } from '../../db/database.ts';
import { newId } from '../../db/ids.ts';
import { findEntry, insertEvent, type CatalogEntryRow } from './catalog.repository.ts';

// Who may touch an entry, and the one way its status moves.

export const isCatalogOrganizer = (actor: Actor | null): boolean => !!actor && can(actor, 'catalog.manage', {});

/** The entry, for its owner or the catalog organizer; anyone else gets 404 (an unpublished entry's existence is not public). */
export async function entryFor(db: Db, actor: Actor | null, entryId: string, need: 'owner' | 'organizer' | 'either'): Promise<CatalogEntryRow> {
  if (!actor) throw new AppError('UNAUTHENTICATED');
  if (need === 'organizer' && !isCatalogOrganizer(actor)) throw new AppError('FORBIDDEN');
  const entry = await findEntry(db, entryId);
  const owner = entry?.owner_user_id === actor.userId;
  if (!entry || (need === 'owner' && !owner) || (need === 'either' && !owner && !isCatalogOrganizer(actor))) throw new AppError('NOT_FOUND');
  return entry;
}

/** The status the event leads to, or 409 naming why not. */
export function catalogMove(status: string, event: CatalogEvent): CatalogEntryStatus {
  const step = nextCatalogStatus(status as CatalogEntryStatus, event);
  if ('refused' in step) throw new AppError('CONFLICT', { message: step.refused });
  return step.to;
}

export async function addCatalogEvent(trx: Db, entryId: string, kind: string, at: number, actorId: string | null, o: { version?: number | null; reason?: string | null } = {}): Promise<void> {
  await insertEvent(trx, { id: newId(), entry_id: entryId, at, kind, version: o.version ?? null, reason: o.reason ?? null, actor_id: actorId });
}

export const parseFields = (json: string): CatalogFields => CatalogFieldsSchema.parse(JSON.parse(json));

/** The latest version's name, for notices; a prefill may lack one. */
export const nameIn = (json: string): string => {
  const f = JSON.parse(json) as { name?: unknown };
  return typeof f.name === 'string' ? f.name : '';
};

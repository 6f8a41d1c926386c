import { sql, type Kysely } from 'kysely';
import type { Engine } from '../db/database.ts';

// The database as a backup sees it: every table (the migrator's own included), row counts, the
// last migration, and an order in which rows can be inserted without breaking a foreign key.

export async function listTables(db: Kysely<any>): Promise<string[]> {
  const tables = await db.introspection.getTables({ withInternalKyselyTables: true });
  return tables.filter((t) => !t.isView).map((t) => t.name).sort();
}

export async function countRows(db: Kysely<any>, table: string): Promise<number> {
  const r = await db.selectFrom(table).select((eb) => eb.fn.countAll<number | string>().as('n')).executeTakeFirstOrThrow();
  return Number(r.n);
}

export async function rowCounts(db: Kysely<any>): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const t of await listTables(db)) out[t] = await countRows(db, t);
  return out;
}

export async function latestMigration(db: Kysely<any>): Promise<string | null> {
  if (!(await listTables(db)).includes('kysely_migration')) return null;
  const r = await db.selectFrom('kysely_migration').select('name').orderBy('name', 'desc').limit(1).executeTakeFirst();
  return (r?.name as string | undefined) ?? null;
}

/** Referencing table → the tables it references (self references left out). */
async function foreignKeys(db: Kysely<any>, engine: Engine, tables: string[]): Promise<Map<string, Set<string>>> {
  const refs = new Map(tables.map((t) => [t, new Set<string>()]));
  if (engine === 'postgres') {
    const rows = await sql<{ child: string; parent: string }>`
      select c.conrelid::regclass::text as child, c.confrelid::regclass::text as parent
      from pg_constraint c join pg_namespace n on n.oid = c.connamespace
      where c.contype = 'f' and n.nspname = current_schema()`.execute(db);
    for (const r of rows.rows) if (r.child !== r.parent) refs.get(r.child.replace(/"/g, ''))?.add(r.parent.replace(/"/g, ''));
  } else {
    for (const t of tables) {
      const rows = await sql<{ table: string }>`select "table" from pragma_foreign_key_list(${t})`.execute(db);
      for (const r of rows.rows) if (r.table !== t) refs.get(t)!.add(r.table);
    }
  }
  return refs;
}

/** Parents before children. */
export async function insertOrder(db: Kysely<any>, engine: Engine, tables: string[]): Promise<string[]> {
  const refs = await foreignKeys(db, engine, tables);
  const order: string[] = [];
  const state = new Map<string, 'visiting' | 'done'>();
  const visit = (t: string, path: string[]) => {
    if (state.get(t) === 'done') return;
    if (state.get(t) === 'visiting') throw new Error(`foreign keys form a cycle: ${[...path, t].join(' → ')}`);
    state.set(t, 'visiting');
    for (const p of [...(refs.get(t) ?? [])].sort()) if (refs.has(p)) visit(p, [...path, t]);
    state.set(t, 'done');
    order.push(t);
  };
  for (const t of [...tables].sort()) visit(t, []);
  return order;
}

import { sql } from 'kysely';
import type { Db } from '../../db/database.ts';

// Recommending units belong to the recommendation feature, which may not be installed (or
// migrated) where this runs. Screening and the dashboard use them when they are there: the
// schema is looked at once per database, and their rows are read with `select *`, so nothing
// here depends on that feature's column list beyond an id and, if present, a name and channel.

export type RecommendationTables = { applicationUnitId: boolean; unitColumns: Set<string> | null };

const known = new WeakMap<object, Promise<RecommendationTables>>();

export function recommendationTables(db: Db): Promise<RecommendationTables> {
  let found = known.get(db);
  if (!found) {
    found = db.introspection.getTables().then((tables) => {
      const apps = tables.find((t) => t.name === 'applications');
      const units = tables.find((t) => t.name === 'recommending_units');
      return { applicationUnitId: !!apps?.columns.some((c) => c.name === 'unit_id'), unitColumns: units ? new Set(units.columns.map((c) => c.name)) : null };
    });
    known.set(db, found);
  }
  return found;
}

export type UnitInfo = { name: string; channels: string[] };

/** A unit's channels: a JSON list (a unit may recommend through several), or one plain column. */
function channelsOf(r: Record<string, unknown>): string[] {
  if (typeof r.channels_json === 'string') {
    try {
      const list: unknown = JSON.parse(r.channels_json);
      return Array.isArray(list) ? list.map(String) : [];
    } catch {
      return [];
    }
  }
  const one = r.channel ?? r.channel_id;
  return one === undefined || one === null ? [] : [String(one)];
}

export async function unitsById(db: Db, ids: string[]): Promise<Map<string, UnitInfo>> {
  const t = await recommendationTables(db);
  if (!t.unitColumns?.has('id') || ids.length === 0) return new Map();
  const rows = await sql<Record<string, unknown>>`select * from recommending_units where id in (${sql.join(ids)})`.execute(db);
  return new Map(rows.rows.map((r) => [String(r.id), { name: typeof r.name === 'string' ? r.name : String(r.id), channels: channelsOf(r) }]));
}

/** Whether the unit exists (in this program, if units are per program); null when there is no units table to ask. */
export async function unitExists(db: Db, unitId: string, programId: string): Promise<boolean | null> {
  const t = await recommendationTables(db);
  if (!t.unitColumns?.has('id')) return null;
  const inProgram = t.unitColumns.has('program_id') ? sql` and program_id = ${programId}` : sql``;
  const r = await sql<{ id: unknown }>`select id from recommending_units where id = ${unitId}${inProgram}`.execute(db);
  return r.rows.length > 0;
}

import { CatalogFieldsSchema, catalogPublicFields, CatalogSearchIndex, formatRegion, greenCatalogueField, type CatalogPublicFields, type ProgramDefinition } from '@lvping/domain';
import type { Db } from '../../db/database.ts';
import { catalogGeneration, publicChangesSince, type PublicChangeRow } from './catalog.repository.ts';

// The public catalog's search index, one per process and database: the published versions in a
// CatalogSearchIndex (packages/domain), plus what a result shows of each. Every search first
// reads the one-row generation (a primary-key lookup); when another process (or this one) has
// changed the public catalog since, the entries stamped with a newer generation are loaded and
// replaced in the index — the first search after start loads them all. See ARCHITECTURE.md.

export type PublicView = {
  id: string;
  fields: CatalogPublicFields;
  fieldName: { 'zh-CN': string; en: string };
  organizationName: string;
  regionCode: string;
  regionName: string;
  programId: string | null;
  approvedAt: number;
};

type Holder = { index: CatalogSearchIndex; views: Map<string, PublicView>; generation: number; refreshing: Promise<void> | null; tracks: Map<string, Map<string, string>> };
const holders = new WeakMap<Db, Holder>();
const YIELD_EVERY = 200;

/** The field's name: a 2024 产业指导目录 field, or the source program's track. */
export function fieldNameOf(fieldId: string, def: Pick<ProgramDefinition, 'tracks'> | null): { 'zh-CN': string; en: string } {
  const g = greenCatalogueField(fieldId);
  if (g) return { 'zh-CN': g.name, en: g.nameEn };
  const t = def?.tracks.find((x) => x.id === fieldId);
  return t ? { 'zh-CN': t.name, en: t.nameEn ?? t.name } : { 'zh-CN': fieldId, en: fieldId };
}

/** The searchable texts of a version, in the order a snippet prefers them. */
export const searchTexts = (f: CatalogPublicFields, orgName: string): string[] => [
  f.scope, f.process, f.parameters, f.cases.map((c) => `${c.name} ${c.place} ${c.description}`).join('\n'), orgName,
];

async function trackNames(h: Holder, db: Db, programIds: string[]): Promise<void> {
  const missing = programIds.filter((id) => !h.tracks.has(id));
  if (!missing.length) return;
  const rows = await db.selectFrom('programs').select(['id', 'definition_json']).where('id', 'in', missing).execute();
  for (const r of rows) {
    const def = r.definition_json ? (JSON.parse(r.definition_json) as ProgramDefinition) : null;
    h.tracks.set(r.id, new Map((def?.tracks ?? []).map((t) => [t.id, t.name])));
  }
}

function apply(h: Holder, row: PublicChangeRow): void {
  if (row.status !== 'published' || !row.fields_json) {
    h.index.remove(row.id);
    h.views.delete(row.id);
    return;
  }
  const fields = catalogPublicFields(CatalogFieldsSchema.parse(JSON.parse(row.fields_json)));
  const track = row.program_id ? h.tracks.get(row.program_id)?.get(fields.fieldId) : undefined;
  const view: PublicView = {
    id: row.id, fields, organizationName: row.org_name, regionCode: row.region_code, regionName: formatRegion(row.region_code) ?? row.region_code,
    fieldName: track ? { 'zh-CN': track, en: track } : fieldNameOf(fields.fieldId, null), programId: row.program_id, approvedAt: Number(row.reviewed_at ?? 0),
  };
  h.views.set(row.id, view);
  h.index.upsert({
    id: row.id, name: fields.name, texts: [...searchTexts(fields, row.org_name), view.fieldName['zh-CN']], fieldId: fields.fieldId, regionCode: row.region_code,
    trl: fields.trl, co2ReducedT: fields.benefits.co2ReducedT, energySavedTce: fields.benefits.energySavedTce, publishedAt: view.approvedAt,
  });
}

/** The index, brought up to the database's generation first. */
export async function freshCatalogIndex(db: Db): Promise<Holder> {
  let h = holders.get(db);
  if (!h) holders.set(db, (h = { index: new CatalogSearchIndex(), views: new Map(), generation: 0, refreshing: null, tracks: new Map() }));
  const generation = await catalogGeneration(db);
  // One refresh at a time; a search that arrives during one waits for it and checks again.
  while (generation > h.generation) {
    if (!h.refreshing) {
      const holder = h;
      holder.refreshing = (async () => {
        const rows = await publicChangesSince(db, holder.generation);
        await trackNames(holder, db, [...new Set(rows.map((r) => r.program_id).filter((id): id is string => !!id))]);
        let seen = holder.generation;
        for (const [i, row] of rows.entries()) {
          apply(holder, row);
          seen = Math.max(seen, Number(row.public_seq));
          // Segmenting thousands of entries takes seconds: let other requests run in between.
          if (i % YIELD_EVERY === YIELD_EVERY - 1) await new Promise((resolve) => setImmediate(resolve));
        }
        // Every change numbered up to `generation` had committed when it was read.
        holder.generation = Math.max(seen, generation);
      })().finally(() => {
        holder.refreshing = null;
      });
    }
    await h.refreshing;
  }
  return h;
}

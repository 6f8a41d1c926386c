import { AppError, greenCatalogue2024, type ExpertFieldChoice, type FieldError } from '@lvping/domain';
import type { Db } from '../../db/database.ts';
import { listAllPrograms } from '../programs/program.repository.ts';
import { programDefinition } from '../programs/program.service.ts';

// The fields an expert may name: the 2024 绿色低碳转型产业指导目录's categories and the tracks
// of every program on the platform. The pool is shared by all programs, so a track id stands
// for the topic wherever it is used (储能 is `chuneng` in 创蓝, 节能 `jieneng` in 创蓝 and 河南).

export type KnownField = ExpertFieldChoice & { kind: 'catalogue' | 'track'; programs: string[]; gloss?: string };

export async function knownFields(db: Db): Promise<KnownField[]> {
  const out: KnownField[] = greenCatalogue2024.map((f) => ({ id: f.id, name: f.name, kind: 'catalogue', programs: [], gloss: f.gloss }));
  const tracks = new Map<string, KnownField>();
  for (const p of await listAllPrograms(db)) {
    if (!p.definition_json) continue;
    for (const t of programDefinition(p).tracks) {
      // One entry per id and name: an import may name a track by any program's name for it.
      const key = `${t.id}\u0000${t.name}`;
      const f = tracks.get(key);
      if (f) f.programs.push(p.name);
      else tracks.set(key, { id: t.id, name: t.name, kind: 'track', programs: [p.name] });
    }
  }
  return [...out, ...tracks.values()];
}

/** Display names of the ids, each once (the first name a field goes by). */
export function fieldNames(ids: readonly string[], known: readonly KnownField[]): { id: string; name: string }[] {
  return ids.map((id) => ({ id, name: known.find((f) => f.id === id)?.name ?? id }));
}

/** What the affinity text says about a field: its name(s) and, for a catalogue category, its gloss. */
export function fieldTexts(ids: readonly string[], known: readonly KnownField[]): string[] {
  const out: string[] = [];
  for (const id of ids) for (const f of known) if (f.id === id) out.push(f.gloss ? `${f.name} ${f.gloss}` : f.name);
  return [...new Set(out)];
}

/** Refuses ids that are neither a catalogue category nor a track of some program. */
export function assertKnownFields(ids: readonly string[], known: readonly KnownField[], path = 'fields'): void {
  const unknown = ids.filter((id) => !known.some((f) => f.id === id));
  if (!unknown.length) return;
  const fields: FieldError[] = [{ path, message: { 'zh-CN': `不是已知的赛道或目录类别：${unknown.join('、')}`, en: `Not known tracks or catalogue categories: ${unknown.join(', ')}` } }];
  throw new AppError('VALIDATION', { fields });
}

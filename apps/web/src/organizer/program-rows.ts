// The organizer's program list: the programs of their organizer grants (each asked for by id, as
// drafts are not in the public list), and for platform admins also every listed program.
import type { ProgramDetail, ProgramSummary } from '../api/programs.api.ts';

export type ProgramRow = {
  id: string;
  slug?: string;
  name?: string;
  year?: number;
  status?: ProgramSummary['status'];
  /** Set when this one program could not be loaded; the others still show. */
  error?: unknown;
};

type Deps = {
  grantIds: readonly string[];
  all: boolean;
  list: () => Promise<{ programs: ProgramSummary[] }>;
  get: (id: string) => Promise<ProgramDetail>;
};

export async function programRows({ grantIds, all, list, get }: Deps): Promise<ProgramRow[]> {
  const rows = new Map<string, ProgramRow>();
  if (all) {
    for (const p of (await list()).programs) rows.set(p.id, { id: p.id, slug: p.slug, name: p.name, year: p.year, status: p.status });
  }
  const wanted = [...new Set(grantIds)].filter((id) => !rows.has(id));
  const details = await Promise.allSettled(wanted.map((id) => get(id)));
  details.forEach((r, i) => {
    const id = wanted[i];
    if (r.status === 'fulfilled') {
      const d = r.value;
      rows.set(d.id, { id: d.id, slug: d.slug, name: d.definition.name, year: d.definition.year, status: d.status });
    } else rows.set(id, { id, error: r.reason });
  });
  return [...rows.values()].sort((a, b) => (b.year ?? 0) - (a.year ?? 0) || (a.name ?? a.id).localeCompare(b.name ?? b.id, 'zh-CN'));
}

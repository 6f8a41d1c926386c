// The pool's search and filters live in the address (?q=…&field=…&page=2), so a reload or a shared
// link shows the same page of the same search.
import type { ExpertQuery } from '../api/experts.api.ts';

export type ExpertStatusFilter = NonNullable<ExpertQuery['status']>;
const keys = { q: 'q', field: 'field', region: 'region', title: 'title', programId: 'program', status: 'status', page: 'page', pageSize: 'size' } as const;
const statuses: readonly string[] = ['invited', 'accepted', 'declined', 'none'] satisfies ExpertStatusFilter[];

export function expertQueryFromParams(params: URLSearchParams): ExpertQuery {
  const num = (k: string) => {
    const n = Number(params.get(k));
    return Number.isInteger(n) && n > 0 ? n : undefined;
  };
  const text = (k: string) => params.get(k)?.trim() || undefined;
  const programId = text(keys.programId);
  const status = text(keys.status);
  return {
    q: text(keys.q),
    field: text(keys.field),
    region: text(keys.region),
    title: text(keys.title),
    programId,
    // The server takes a status only with its program.
    status: programId && status && statuses.includes(status) ? (status as ExpertStatusFilter) : undefined,
    page: num(keys.page),
    pageSize: num(keys.pageSize),
  };
}

export function expertQueryToParams(q: ExpertQuery): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [field, key] of Object.entries(keys) as [keyof ExpertQuery, string][]) {
    const v = q[field];
    if (v !== undefined && v !== '' && !(field === 'page' && v === 1)) out[key] = String(v);
  }
  return out;
}

/** The export takes the filters without paging. */
export function withoutPaging({ page: _page, pageSize: _size, ...filters }: ExpertQuery): Omit<ExpertQuery, 'page' | 'pageSize'> {
  return filters;
}

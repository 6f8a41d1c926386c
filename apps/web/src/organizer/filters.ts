// The applications table's filters live in the address (?tab=applications&track=…&page=2), so a
// row opened and closed again comes back to the same page of the same search.
import type { ApplicationFilters, ApplicationStatus } from '../api/applications.api.ts';

const keys = { trackId: 'track', status: 'status', region: 'region', q: 'q', page: 'page', pageSize: 'size' } as const;

export function filtersFromParams(params: URLSearchParams): ApplicationFilters {
  const num = (k: string) => {
    const n = Number(params.get(k));
    return Number.isInteger(n) && n > 0 ? n : undefined;
  };
  return {
    trackId: params.get(keys.trackId) || undefined,
    status: (params.get(keys.status) || undefined) as ApplicationStatus | undefined,
    region: params.get(keys.region) || undefined,
    q: params.get(keys.q) || undefined,
    page: num(keys.page),
    pageSize: num(keys.pageSize),
  };
}

export function filtersToParams(f: ApplicationFilters, extra: Record<string, string> = {}): Record<string, string> {
  const out: Record<string, string> = { ...extra };
  for (const [field, key] of Object.entries(keys) as [keyof ApplicationFilters, string][]) {
    const v = f[field];
    if (v !== undefined && v !== '' && !(field === 'page' && v === 1)) out[key] = String(v);
  }
  return out;
}

/** The GB/T 2260 prefix the server filters by: 410000 → 41 (河南省), 410100 → 4101 (郑州市), counties whole. */
export function regionPrefix(code: string): string {
  if (code.endsWith('0000')) return code.slice(0, 2);
  if (code.endsWith('00')) return code.slice(0, 4);
  return code;
}

/** Back from a prefix to the six-digit code the cascader shows. */
export function regionFromPrefix(prefix: string | undefined): string | undefined {
  return prefix ? prefix.padEnd(6, '0') : undefined;
}

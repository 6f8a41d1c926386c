// The screening queue's filters live in the address, so a screener who opens an application and
// comes back finds the same track, state, search and page.
import type { QueueFilters, ScreeningState } from '../api/screening.api.ts';

export const screeningStates: ScreeningState[] = ['pending', 'returned', 'eligible', 'ineligible', 'all'];

export function queueFromParams(params: URLSearchParams, fallbackTrack: string): QueueFilters {
  const page = Number(params.get('page'));
  const state = params.get('state') as ScreeningState | null;
  return {
    trackId: params.get('track') || fallbackTrack,
    state: state && screeningStates.includes(state) ? state : 'pending',
    region: params.get('region') || undefined,
    q: params.get('q') || undefined,
    page: Number.isInteger(page) && page > 1 ? page : undefined,
  };
}

export function queueToParams(f: QueueFilters, extra: Record<string, string> = {}): Record<string, string> {
  const out: Record<string, string> = { ...extra, track: f.trackId };
  if (f.state && f.state !== 'pending') out.state = f.state;
  if (f.region) out.region = f.region;
  if (f.q) out.q = f.q;
  if (f.page && f.page > 1) out.page = String(f.page);
  return out;
}

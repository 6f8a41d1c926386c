import { dealKindNames, dealKinds, greenCatalogueField, regionByCode, type DealKind, type MatchDashboard } from '@lvping/domain';
import type { Actor, Deps } from '../../context.ts';
import { authorize } from '../access/access.service.ts';
import { dealsWithSource, interestCounts, meetingCounts } from './match-dashboard.repository.ts';

// The catalog organizer's dashboard (deal.read): matches, meetings, confirmed deals and amounts
// by kind, program (where the technology came from), field and region. Field and program live in
// JSON (the entry's shown version, the program's tracks), so deals are grouped here, not in SQL:
// a platform's deals are hundreds, not millions.

type Group = MatchDashboard['byKind'][number];

function group(rows: { key: string; label: string; yuan: number }[]): Group[] {
  const out = new Map<string, Group>();
  for (const r of rows) {
    const g = out.get(r.key) ?? { key: r.key, label: r.label, deals: 0, amountWan: 0 };
    g.deals++;
    g.amountWan += r.yuan / 10_000;
    out.set(r.key, g);
  }
  return [...out.values()].sort((a, b) => b.amountWan - a.amountWan || a.key.localeCompare(b.key));
}

export async function matchDashboard(deps: Deps, actor: Actor | null): Promise<MatchDashboard> {
  authorize(actor, 'deal.read');
  const all = await dealsWithSource(deps.db);
  const confirmed = all.filter((d) => d.status === 'confirmed');
  const rows = confirmed.map((d) => {
    const fields = d.fields_json ? (JSON.parse(d.fields_json) as { fieldId?: unknown }) : {};
    const fieldId = typeof fields.fieldId === 'string' ? fields.fieldId : null;
    const tracks = d.definition_json ? ((JSON.parse(d.definition_json) as { tracks?: { id: string; name: string }[] }).tracks ?? []) : [];
    const field = fieldId ? greenCatalogueField(fieldId)?.name ?? tracks.find((t) => t.id === fieldId)?.name ?? fieldId : null;
    const province = d.region_code ? regionByCode(d.region_code.slice(0, 2) + '0000') : undefined;
    return { d, yuan: Number(d.amount_yuan), field: fieldId ? { key: fieldId, label: field! } : { key: 'none', label: '未关联技术' }, province };
  });
  const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
  return {
    generatedAt: deps.now(),
    matches: await interestCounts(deps.db),
    meetings: await meetingCounts(deps.db),
    deals: {
      confirmed: confirmed.length, amountWan: sum(rows.map((r) => r.yuan)) / 10_000, pending: all.filter((d) => d.status === 'pending').length,
      commissionWan: sum(confirmed.map((d) => Number(d.commission_fen ?? 0))) / 1_000_000,
    },
    byKind: group(rows.map((r) => ({ key: r.d.kind, label: dealKindNames[r.d.kind as DealKind]?.['zh-CN'] ?? r.d.kind, yuan: r.yuan }))).sort((a, b) => dealKinds.indexOf(a.key as DealKind) - dealKinds.indexOf(b.key as DealKind)),
    byProgram: group(rows.map((r) => (r.d.program_id ? { key: r.d.program_id, label: r.d.program_name ?? r.d.program_id, yuan: r.yuan } : { key: 'none', label: '非评选来源', yuan: r.yuan }))),
    byField: group(rows.map((r) => ({ ...r.field, yuan: r.yuan }))),
    byRegion: group(rows.map((r) => (r.province ? { key: r.province.code, label: r.province.name, yuan: r.yuan } : { key: 'none', label: '未知地区', yuan: r.yuan }))),
  };
}

import { Descriptions, Space, Tag, Typography } from 'antd';
import { greenCatalogue2024 } from '@lvping/domain/reference/green-catalogue.ts';
import { childRegions, formatRegion } from '@lvping/domain/reference/regions.ts';
import { investmentStageNames, type InvestmentStage } from '@lvping/domain/match/match-profile.schema.ts';
import { useI18n, type Lang } from '../i18n/i18n.tsx';
import type { Explanation, MatchCounterpartView, MatchProfileStatus, MatchTechnologyView, PairInterest } from './match.api.ts';
import '../i18n/match.ts';

// What the matchmaking pages share: names of fields, regions, stages and kinds, the status tag,
// a technology's and a counterpart's card, and a match's explanation.

export const fieldName = (id: string, lang: Lang) => {
  const f = greenCatalogue2024.find((x) => x.id === id);
  return f ? (lang === 'en' ? f.nameEn : f.name) : id;
};
export const fieldOptions = (lang: Lang) => greenCatalogue2024.map((f) => ({ value: f.id, label: lang === 'en' ? f.nameEn : f.name }));
export const provinceOptions = () => childRegions().map((r) => ({ value: r.code, label: r.name }));
export const regionName = (code: string) => formatRegion(code) ?? code;

const statusColor: Record<MatchProfileStatus, string> = { pending: 'processing', approved: 'success', rejected: 'error', withdrawn: 'default' };
export function ProfileStatusTag({ status, testId }: { status: MatchProfileStatus; testId?: string }) {
  const { t } = useI18n();
  return <Tag color={statusColor[status]} data-testid={testId} data-status={status}>{t(`mt.status.${status}`)}</Tag>;
}

export function TechnologyCard({ tech }: { tech: MatchTechnologyView }) {
  const { t, lang } = useI18n();
  return (
    <Space direction="vertical" size={2}>
      <Typography.Text strong>{tech.name}</Typography.Text>
      <Typography.Text type="secondary">{tech.organizationName}{tech.regionCode ? ` · ${regionName(tech.regionCode)}` : ''}</Typography.Text>
      <Space wrap size={4}>
        {tech.fieldIds.map((f) => <Tag key={f}>{fieldName(f, lang)}</Tag>)}
        {tech.trl !== null && <Tag color="blue">{t('mt.trl', { trl: tech.trl })}</Tag>}
      </Space>
      {tech.summary && <Typography.Paragraph type="secondary" ellipsis={{ rows: 2 }} style={{ marginBottom: 0 }}>{tech.summary}</Typography.Paragraph>}
    </Space>
  );
}

export function CounterpartCard({ c }: { c: MatchCounterpartView }) {
  const { t, lang, pick } = useI18n();
  return (
    <Space direction="vertical" size={2}>
      <Space><Typography.Text strong>{c.name}</Typography.Text><Tag color="green">{t(`mt.kind.${c.kind}`)}</Tag></Space>
      <Space wrap size={4}>
        {c.fieldIds.map((f) => <Tag key={f}>{fieldName(f, lang)}</Tag>)}
        {c.regions.length ? c.regions.map((r) => <Tag key={r}>{regionName(r)}</Tag>) : <Tag>{t('mt.nationwide')}</Tag>}
        {c.stages?.map((s) => <Tag key={s} color="purple">{pick(investmentStageNames[s as InvestmentStage])}</Tag>)}
        {c.ticket && <Tag color="gold">{t('mt.ticketRange', { min: c.ticket.min, max: c.ticket.max })}</Tag>}
      </Space>
      {c.products?.map((p) => (
        <Typography.Text key={p.name} type="secondary">{p.name}（{t(`mt.productKind.${p.kind}`)}，{t('mt.amountRange', { min: p.amountMin, max: p.amountMax })}{p.rateNote ? `，${p.rateNote}` : ''}）</Typography.Text>
      ))}
      {c.summary && <Typography.Paragraph type="secondary" ellipsis={{ rows: 2 }} style={{ marginBottom: 0 }}>{c.summary}</Typography.Paragraph>}
    </Space>
  );
}

const resultColor = { matched: 'success', failed: 'error', not_applicable: 'default' } as const;

/** Why a pair matched: its score, the shared terms, each hard filter's result, a bank's products. */
export function ExplanationView({ e, testId }: { e: Explanation; testId: string }) {
  const { t, lang, pick } = useI18n();
  const values = (filter: string, v: string[]) =>
    filter === 'field' ? v.map((x) => fieldName(x, lang)) : filter === 'region' ? v.map(regionName) : v.map((x) => pick(investmentStageNames[x as InvestmentStage] ?? { 'zh-CN': x, en: x }));
  return (
    <Descriptions size="small" column={1} data-testid={testId}>
      <Descriptions.Item label={t('mt.scoreLabel')}><span data-testid={`${testId}-score`}>{e.score}</span></Descriptions.Item>
      <Descriptions.Item label={t('mt.sharedTerms')}>
        <Space wrap size={4} data-testid={`${testId}-terms`}>{e.sharedTerms.map((s) => <Tag key={s} color="cyan">{s}</Tag>)}</Space>
      </Descriptions.Item>
      {e.filters.map((f) => (
        <Descriptions.Item key={f.filter} label={t(`mt.filter.${f.filter}`)}>
          <Tag color={resultColor[f.result]} data-testid={`${testId}-filter-${f.filter}`} data-result={f.result}>{t(`mt.result.${f.result}`)}</Tag>
          {values(f.filter, f.values).join('、')}
        </Descriptions.Item>
      ))}
      {e.products.length > 0 && <Descriptions.Item label={t('mt.productsFit')}>{e.products.join('、')}</Descriptions.Item>}
    </Descriptions>
  );
}

export function InterestTag({ i, mySide, testId }: { i: PairInterest; mySide: 'technology' | 'counterpart' | null; testId?: string }) {
  const { t } = useI18n();
  const mine = mySide === 'technology' ? i.technology : mySide === 'counterpart' ? i.counterpart : false;
  const theirs = mySide === 'technology' ? i.counterpart : mySide === 'counterpart' ? i.technology : false;
  const label = i.status === 'mutual' ? t('mt.mutual') : mine ? t('mt.expressed') : theirs ? t('mt.theyExpressed') : mySide === null ? t(`mt.state.${i.status}`) : null;
  return label ? <Tag color={i.status === 'mutual' ? 'success' : 'processing'} data-testid={testId} data-status={i.status}>{label}</Tag> : null;
}

import { Descriptions, Tag, Timeline, Typography } from 'antd';
import { catalogIpKindNames, type CatalogIpKind } from '@lvping/domain/catalog/catalog-fields.schema.ts';
import { greenCatalogue2024 } from '@lvping/domain/reference/green-catalogue.ts';
import { useI18n, type AnyMessageKey, type Lang } from '../i18n/i18n.tsx';
import type { CatalogFieldsInput } from './catalog.api.ts';
import '../i18n/catalog.ts';

// Pieces the catalog pages share: highlighted text, status tags, the field choice, an entry's
// fields as a description list, and its history.

export function Highlighted({ segments, testId }: { segments: { text: string; hit: boolean }[]; testId?: string }) {
  return <span data-testid={testId}>{segments.map((s, i) => (s.hit ? <mark key={i} className="lv-hit">{s.text}</mark> : <span key={i}>{s.text}</span>))}</span>;
}

const statusColor: Record<string, string> = { invited: 'blue', draft: 'default', pending: 'gold', published: 'green', suspended: 'orange', retired: 'red' };
export function CatalogStatusTag({ status, testId }: { status: string; testId?: string }) {
  const { t } = useI18n();
  return <Tag color={statusColor[status]} data-testid={testId} data-status={status}>{t(`cat.st.${status}` as AnyMessageKey)}</Tag>;
}

/** The 2024 产业指导目录 fields, then the source program's tracks. */
export function fieldOptions(lang: Lang, tracks: { id: string; name: string }[] = []) {
  return [
    ...greenCatalogue2024.map((f) => ({ value: f.id, label: lang === 'en' ? f.nameEn : f.name })),
    ...tracks.map((t) => ({ value: t.id, label: lang === 'en' ? `Track: ${t.name}` : `赛道：${t.name}` })),
  ];
}

export const ipName = (kind: string, lang: Lang) => catalogIpKindNames[kind as CatalogIpKind]?.[lang] ?? kind;

type ShownFields = Omit<CatalogFieldsInput, 'contact'> & { contact?: CatalogFieldsInput['contact'] };

/** An entry's fields as the public page and the reviewer read them (the contact only when given). */
export function EntryFields({ fields, fieldName, testId }: { fields: ShownFields; fieldName?: string; testId?: string }) {
  const { t, lang } = useI18n();
  const b = fields.benefits;
  return (
    <Descriptions column={1} bordered size="small" data-testid={testId}>
      <Descriptions.Item label={t('cat.field')}>{fieldName ?? fields.fieldId}</Descriptions.Item>
      <Descriptions.Item label={t('cat.trl')}>{t('cat.trlLevel', { n: fields.trl })}</Descriptions.Item>
      <Descriptions.Item label={t('cat.scope')}><Typography.Paragraph style={{ marginBottom: 0, whiteSpace: 'pre-wrap' }}>{fields.scope}</Typography.Paragraph></Descriptions.Item>
      <Descriptions.Item label={t('cat.process')}><Typography.Paragraph style={{ marginBottom: 0, whiteSpace: 'pre-wrap' }}>{fields.process}</Typography.Paragraph></Descriptions.Item>
      <Descriptions.Item label={t('cat.parameters')}><Typography.Paragraph style={{ marginBottom: 0, whiteSpace: 'pre-wrap' }}>{fields.parameters}</Typography.Paragraph></Descriptions.Item>
      <Descriptions.Item label={t('cat.benefits')}>
        <div data-testid="entry-benefits">
          {b.energySavedTce !== null && b.energySavedTce !== undefined && <div>{t('cat.energy', { n: b.energySavedTce })}</div>}
          {b.co2ReducedT !== null && b.co2ReducedT !== undefined && <div>{t('cat.co2', { n: b.co2ReducedT })}</div>}
          {(b.others ?? []).map((o, i) => <div key={i}>{o.name}：{o.value} {o.unit}</div>)}
        </div>
      </Descriptions.Item>
      <Descriptions.Item label={t('cat.cases')}>
        {fields.cases.map((c, i) => <div key={i} data-testid={`entry-case-${i}`}><strong>{c.name}</strong>（{c.place}，{c.year}）{c.description ? ` ${c.description}` : ''}</div>)}
      </Descriptions.Item>
      <Descriptions.Item label={t('cat.ip')}>{ipName(fields.ip.kind, lang)}{fields.ip.detail ? `：${fields.ip.detail}` : ''}</Descriptions.Item>
      {fields.contact && <Descriptions.Item label={t('cat.contact')}>{fields.contact.name} {fields.contact.phone} {fields.contact.email}</Descriptions.Item>}
    </Descriptions>
  );
}

export function EntryHistory({ items, testId }: { items: { kind: string; at: number; version: number | null; reason: string | null }[]; testId?: string }) {
  const { t, lang } = useI18n();
  const date = (at: number) => new Date(at).toLocaleString(lang === 'en' ? 'en-GB' : 'zh-CN', { timeZone: 'Asia/Shanghai', dateStyle: 'medium', timeStyle: 'short' });
  return (
    <Timeline data-testid={testId} items={items.map((h, i) => ({
      key: i,
      color: h.kind === 'approved' || h.kind === 'reinstated' ? 'green' : h.kind === 'suspended' || h.kind === 'retired' || h.kind === 'rejected' ? 'red' : 'blue',
      children: (
        <div data-testid="history-item" data-kind={h.kind}>
          <Typography.Text strong>{t(`cat.ev.${h.kind}` as AnyMessageKey)}</Typography.Text>
          {h.version !== null && <Typography.Text type="secondary">（{t('cat.version', { n: h.version })}）</Typography.Text>}
          <Typography.Text type="secondary"> {date(h.at)}</Typography.Text>
          {h.reason && <div>{t('cat.reason')}：{h.reason}</div>}
        </div>
      ),
    }))} />
  );
}

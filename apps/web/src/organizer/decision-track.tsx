import { useState } from 'react';
import { App, Button, Card, Input, InputNumber, Select, Space, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { isApiError } from '../api/client.ts';
import { decisionsApi, type DecisionItem, type DecisionTrack as Track, type DecisionView } from '../api/decisions.api.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { useErrorText } from '../shell/api-error.tsx';
import { proposalsFor, tierLabel, useRankingColumns } from './decision-shared.tsx';

type Props = { programId: string; view: DecisionView; track: Track; onView: (v: DecisionView) => void };
type Edit = { tierId: string | null; reason: string; error: string | null };

/** One track: places per tier and 按排名生成, then each application's tier with its reason. */
export function DecisionTrackCard({ programId, view, track, onView }: Props) {
  const { t, lang, pick } = useI18n();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const [counts, setCounts] = useState<Record<string, number | null>>(() => Object.fromEntries(track.tiers.map((x) => [x.id, x.count])));
  const [edits, setEdits] = useState<Record<string, Edit>>({});
  const [busy, setBusy] = useState<string | null>(null);
  const editable = view.editable;

  const propose = async () => {
    setBusy('propose');
    try {
      const given = Object.fromEntries(Object.entries(counts).filter(([, n]) => n !== null && n !== undefined)) as Record<string, number>;
      await decisionsApi.propose(programId, track.trackId, given);
      setEdits({});
      onView(await decisionsApi.view(programId));
      message.success(t('dc.proposedOk'));
    } catch (e) {
      message.error(errorText(e));
    } finally {
      setBusy(null);
    }
  };

  const editOf = (i: DecisionItem): Edit => edits[i.applicationId] ?? { tierId: i.tierId, reason: i.reason ?? '', error: null };
  const setEdit = (i: DecisionItem, patch: Partial<Edit>) => setEdits((all) => ({ ...all, [i.applicationId]: { ...editOf(i), error: null, ...patch } }));

  const save = async (i: DecisionItem) => {
    const e = editOf(i);
    if (e.tierId !== i.proposedTierId && e.reason.trim().length < 2) return setEdit(i, { error: t('dc.reasonRequired') });
    setBusy(i.applicationId);
    try {
      await decisionsApi.set(programId, i.applicationId, e.tierId, e.reason.trim() || undefined);
      onView(await decisionsApi.view(programId));
      setEdits(({ [i.applicationId]: _, ...rest }) => rest);
      message.success(t('dc.saved'));
    } catch (err) {
      const field = isApiError(err) ? err.fields.find((f) => f.path === 'reason' || f.path === 'tierId') : undefined;
      if (field) setEdit(i, { error: pick(field.message) });
      else message.error(errorText(err));
    } finally {
      setBusy(null);
    }
  };

  const options = [...track.tiers.map((x) => ({ value: x.id, label: tierLabel(track, x.id, lang, '') })), { value: '', label: t('dc.noTier') }];
  const columns: ColumnsType<DecisionItem> = [
    ...useRankingColumns(track),
    {
      key: 'tier', title: t('dc.tier'), width: 150, render: (_, i) => {
        if (!i.decided) return <Typography.Text type="secondary">{t('dc.notProposed')}</Typography.Text>;
        const e = editOf(i);
        const proposals = proposalsFor(view.committee, i.applicationId, view.submission);
        return (
          <>
            <Select size="small" style={{ width: 130 }} disabled={!editable} value={e.tierId ?? ''} options={options} data-testid="decision-tier-select"
              onChange={(v: string) => setEdit(i, { tierId: v === '' ? null : v })} />
            {proposals.map((p) => <Tag key={p.id} color="purple" style={{ marginTop: 4 }} data-testid="decision-committee-proposal">{t('dc.committeeSays', { tier: tierLabel(track, p.proposedTierId, lang, t('dc.noTier')), who: p.userName })}</Tag>)}
          </>
        );
      },
    },
    {
      key: 'reason', title: t('dc.reason'), width: 260, render: (_, i) => {
        if (!i.decided) return null;
        const e = editOf(i);
        const differs = e.tierId !== i.proposedTierId;
        const dirty = !!edits[i.applicationId];
        return (
          <Space direction="vertical" size={2} style={{ width: '100%' }}>
            <Space.Compact style={{ width: '100%' }}>
              <Input size="small" value={e.reason} disabled={!editable} placeholder={t('dc.reasonPlaceholder')} status={e.error || (differs && i.needsReason) ? 'error' : undefined}
                data-testid="decision-reason" onChange={(ev) => setEdit(i, { reason: ev.target.value })} />
              {editable && <Button size="small" type={dirty ? 'primary' : 'default'} disabled={!dirty} loading={busy === i.applicationId} data-testid="decision-save" onClick={() => save(i)}>{t('dc.save')}</Button>}
            </Space.Compact>
            {e.error && <Typography.Text type="danger" data-testid="decision-reason-error">{e.error}</Typography.Text>}
          </Space>
        );
      },
    },
  ];

  return (
    <Card size="small" className="lv-block" title={track.trackName} data-testid="decision-track" data-track={track.trackId}>
      <Space wrap align="end" className="lv-block">
        <Typography.Text strong>{t('dc.counts')}</Typography.Text>
        {track.tiers.map((x, k) => (
          <Space key={x.id} direction="vertical" size={0}>
            <Typography.Text>{tierLabel(track, x.id, lang, '')}{x.needsCount && <Tag color="red" style={{ marginLeft: 4 }}>!</Tag>}</Typography.Text>
            <InputNumber size="small" min={0} max={10000} precision={0} disabled={!editable} value={counts[x.id]} data-testid={`decision-count-${x.id}`}
              placeholder={k === track.tiers.length - 1 && x.minScore === null ? t('dc.takesRest') : undefined} style={{ width: 120 }}
              onChange={(n) => setCounts((c) => ({ ...c, [x.id]: n }))} />
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {[x.definedCount !== null ? t('dc.countFromDefinition', { n: x.definedCount }) : null, x.minScore !== null ? t('dc.minScore', { n: x.minScore }) : null].filter(Boolean).join('，')}
            </Typography.Text>
          </Space>
        ))}
        {editable && <Button type="primary" loading={busy === 'propose'} data-testid="decision-propose" onClick={propose}>{t('dc.propose')}</Button>}
      </Space>
      {track.problems.map((p, k) => <Typography.Paragraph key={k} type="warning" data-testid="decision-problem">{pick(p)}</Typography.Paragraph>)}
      <Table<DecisionItem> rowKey="applicationId" size="small" pagination={false} columns={columns} dataSource={track.items} scroll={{ x: 1000 }}
        onRow={(i) => ({ 'data-testid': 'decision-row', 'data-number': i.number, 'data-tier': i.tierId ?? '', 'data-proposed': i.proposedTierId ?? '' }) as object} />
    </Card>
  );
}

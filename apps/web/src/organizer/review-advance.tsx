import { useEffect, useMemo, useState, type ReactNode } from 'react';
import { Alert, Button, Card, Descriptions, Form, Input, Modal, Result, Skeleton, Space, Table, Tag, Typography, type ButtonProps } from 'antd';
import { RiseOutlined } from '@ant-design/icons';
import type { ColumnsType } from 'antd/es/table';
import { isApiError } from '../api/client.ts';
import type { ProgramDetail } from '../api/programs.api.ts';
import { reviewApi, type AdvanceItem, type AdvancePreview, type AdvanceResult } from '../api/review.api.ts';
import { useI18n, type Localized } from '../i18n/i18n.tsx';
import { ApiErrorAlert, useErrorText } from '../shell/api-error.tsx';
import { useLoad } from '../shell/use-load.ts';
import { fixed, roundName, selectionDiff, type RoundInfo } from './review-rounds-model.ts';

type Props = { program: ProgramDetail; round: RoundInfo; next: RoundInfo };

function useColumns(numberTag: (i: AdvanceItem) => ReactNode): ColumnsType<AdvanceItem> {
  const { t, pick } = useI18n();
  return [
    { key: 'rank', title: t('rd.rank'), width: 70, render: (_, i) => i.rank ?? '—' },
    { key: 'number', title: t('rd.number'), width: 200, render: (_, i) => <Typography.Text strong>{i.number}</Typography.Text> },
    { key: 'title', title: t('rd.title'), dataIndex: 'title' },
    { key: 'score', title: t('rd.finalScore'), width: 100, render: (_, i) => (i.score === null ? '—' : fixed(i.score)) },
    { key: 'tags', width: 220, render: (_, i) => <Space size={4} wrap>{numberTag(i)}{i.excludedBy && <Tag color="orange" data-testid="review-advance-excluded">{pick(i.excludedBy)}</Tag>}</Space> },
  ];
}

/** 晋级 once decided: who entered the next round and who did not, read-only. */
function Decided({ preview, toName, result }: { preview: AdvancePreview; toName: string; result: AdvanceResult | null }) {
  const { t } = useI18n();
  const columns = useColumns((i) => (i.proposed ? <Tag color="success">{t('rd.entered')}</Tag> : <Tag>{t('rd.notEntered')}</Tag>));
  return (
    <div data-testid="review-advance-done">
      {result ? (
        <Result status="success" title={t('rd.advanced', { name: toName })} subTitle={t('rd.advancedCounts', { entered: result.entered, eliminated: result.eliminated })}
          data-testid="review-advance-result" data-entered={result.entered} data-eliminated={result.eliminated} />
      ) : (
        <Alert type="success" showIcon className="lv-block" title={t('rd.alreadyAdvanced', { name: toName })} />
      )}
      {preview.tracks.map((tr) => (
        <Card key={tr.trackId} size="small" title={tr.trackName} className="lv-block">
          <Table<AdvanceItem> rowKey="applicationId" size="small" pagination={false} columns={columns} dataSource={tr.items}
            onRow={(i) => ({ 'data-testid': 'review-advance-done-row', 'data-number': i.number, 'data-entered': i.proposed }) as object} />
        </Card>
      ))}
    </div>
  );
}

/** 晋级: the next round's entry rule proposes, the organizer changes it with a reason, confirms, and the result is told. */
export function ReviewAdvance({ program, round, next }: Props) {
  const { t, lang, pick } = useI18n();
  const errorText = useErrorText();
  const [load, reload] = useLoad(() => reviewApi.advancePreview(program.id, round.id), [program.id, round.id]);
  const preview = load.state === 'ok' ? load.data : null;
  const proposed = useMemo(() => new Set(preview?.tracks.flatMap((tr) => tr.items.filter((i) => i.proposed).map((i) => i.applicationId)) ?? []), [preview]);
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [reason, setReason] = useState('');
  const [reasonError, setReasonError] = useState<Localized | 'required' | null>(null);
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [result, setResult] = useState<AdvanceResult | null>(null);

  // Each fresh preview starts from the rule's proposal.
  useEffect(() => setSelected(new Set(proposed)), [proposed]);

  const columns = useColumns((i) => i.proposed && <Tag color="blue">{t('rd.proposed')}</Tag>);
  if (load.state === 'loading') return <Skeleton active paragraph={{ rows: 6 }} />;
  if (load.state === 'error') return <ApiErrorAlert error={load.error} title={t('rd.advanceFailed')} onRetry={reload} />;
  const p = load.data;
  const toName = roundName(next, lang);
  const rule = pick(p.to.rule);
  const header = (
    <Descriptions size="small" column={1} className="lv-block" data-testid="review-advance-rule"
      items={[
        { key: 'to', label: t('rd.advanceTo'), children: <Typography.Text strong>{t('rd.fromTo', { from: roundName(round, lang), to: toName })}</Typography.Text> },
        { key: 'rule', label: t('rd.entryRule'), children: rule },
      ]} />
  );
  if (p.done) return <>{header}<Decided preview={p} toName={toName} result={result} /></>;

  const all = p.tracks.flatMap((tr) => tr.items);
  const { added, removed } = selectionDiff(proposed, selected);
  const changed = added.length + removed.length > 0;
  const numberOf = new Map(all.map((i) => [i.applicationId, i.number]));
  const toggle = (trackIds: string[], keys: string[]) => {
    const s = new Set(selected);
    for (const id of trackIds) s.delete(id);
    for (const id of keys) s.add(id);
    setSelected(s);
    setReasonError(null);
  };

  const open = () => {
    setError(null);
    if (changed && reason.trim().length < 2) return setReasonError('required');
    setConfirming(true);
  };
  const submit = async () => {
    setBusy(true);
    setError(null);
    try {
      const r = await reviewApi.advance(program.id, round.id, { include: [...selected], reason: changed ? reason.trim() : undefined });
      setResult(r);
      setConfirming(false);
      reload();
    } catch (e) {
      setConfirming(false);
      const field = isApiError(e) ? e.fields.find((f) => f.path === 'reason') : undefined;
      if (field) setReasonError(field.message);
      else setError(e);
      if (isApiError(e) && e.status === 409) reload();
    } finally {
      setBusy(false);
    }
  };

  return (
    <div data-testid="review-advance">
      {header}
      {error !== null && <Alert type="error" showIcon className="lv-block" title={errorText(error)} data-testid="review-advance-error" />}
      {p.tracks.map((tr) => {
        const ids = tr.items.map((i) => i.applicationId);
        return (
          <Card key={tr.trackId} size="small" title={tr.trackName} className="lv-block" data-testid="review-advance-track" data-track={tr.trackId}
            extra={<Typography.Text type="secondary">{t('rd.selectedOf', { n: ids.filter((id) => selected.has(id)).length, of: ids.length })}</Typography.Text>}>
            <Table<AdvanceItem>
              rowKey="applicationId"
              size="small"
              pagination={false}
              columns={columns}
              dataSource={tr.items}
              rowSelection={{ selectedRowKeys: ids.filter((id) => selected.has(id)), onChange: (keys) => toggle(ids, keys as string[]) }}
              onRow={(i) => ({ 'data-testid': 'review-advance-row', 'data-number': i.number, 'data-proposed': i.proposed, 'data-selected': selected.has(i.applicationId) }) as object}
            />
          </Card>
        );
      })}
      <Card size="small" className="lv-block">
        <Space orientation="vertical" style={{ display: 'flex' }}>
          <Space wrap data-testid="review-advance-diff" data-added={added.length} data-removed={removed.length}>
            <Typography.Text>{t('rd.selectedTotal', { n: selected.size, proposed: proposed.size })}</Typography.Text>
            {changed ? (
              <>
                <Tag color="green">+{added.length}</Tag>
                <Tag color="red">−{removed.length}</Tag>
                {added.map((id) => <Tag key={id} color="green" data-testid="review-advance-added">+ {numberOf.get(id)}</Tag>)}
                {removed.map((id) => <Tag key={id} color="red" data-testid="review-advance-removed">− {numberOf.get(id)}</Tag>)}
              </>
            ) : (
              <Typography.Text type="secondary">{t('rd.asProposed')}</Typography.Text>
            )}
          </Space>
          <Form layout="vertical">
            <Form.Item
              label={t('rd.advanceReason')}
              required={changed}
              extra={changed ? t('rd.advanceReasonNeeded') : t('rd.advanceReasonOptional')}
              validateStatus={reasonError ? 'error' : undefined}
              help={reasonError === 'required' ? t('rd.reasonRequired') : reasonError ? pick(reasonError) : undefined}
            >
              <Input.TextArea value={reason} onChange={(e) => { setReason(e.target.value); setReasonError(null); }} autoSize={{ minRows: 2 }} maxLength={1000} showCount data-testid="review-advance-reason" />
            </Form.Item>
          </Form>
          <Button type="primary" icon={<RiseOutlined />} onClick={open} disabled={!selected.size} title={selected.size ? undefined : t('rd.chooseOne')} data-testid="review-advance-submit">{t('rd.advanceSubmit', { name: toName })}</Button>
        </Space>
      </Card>
      <Modal
        open={confirming}
        title={t('rd.advanceConfirmTitle', { name: toName })}
        okText={t('rd.advanceConfirm')}
        onOk={() => void submit()}
        onCancel={() => setConfirming(false)}
        okButtonProps={{ loading: busy, 'data-testid': 'review-advance-confirm' } as ButtonProps}
        data-testid="review-advance-modal"
      >
        <Typography.Paragraph data-testid="review-advance-summary" data-entered={selected.size} data-eliminated={all.length - selected.size}>
          {t('rd.advanceConfirmText', { name: toName, entered: selected.size, eliminated: all.length - selected.size })}
        </Typography.Paragraph>
        <ul>
          {p.tracks.map((tr) => {
            const n = tr.items.filter((i) => selected.has(i.applicationId)).length;
            return <li key={tr.trackId}>{t('rd.advanceTrackLine', { track: tr.trackName, entered: n, eliminated: tr.items.length - n })}</li>;
          })}
        </ul>
        {changed && <Typography.Paragraph type="secondary">{t('rd.advanceChanged', { added: added.length, removed: removed.length, reason: reason.trim() })}</Typography.Paragraph>}
      </Modal>
    </div>
  );
}

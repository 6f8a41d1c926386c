import { useState } from 'react';
import { Link, useParams } from 'react-router-dom';
import { Alert, App, Breadcrumb, Button, Card, Input, Modal, Select, Skeleton, Space, Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { isApiError } from '../api/client.ts';
import { committeeApi, type CommitteeList, type DecisionItem, type DecisionTrack } from '../api/decisions.api.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { ApiErrorPage, useErrorText } from '../shell/api-error.tsx';
import { useLoad } from '../shell/use-load.ts';
import { CommitteeReviews } from '../organizer/decision-committee.tsx';
import { DecisionAwards } from '../organizer/decision-awards.tsx';
import { DecisionSteps, statusName, tierLabel, useRankingColumns } from '../organizer/decision-shared.tsx';
import '../i18n/decision.ts';

type Change = { tierId: string | null; reason: string };

function TrackList({ track, open, changes, onChange }: { track: DecisionTrack; open: boolean; changes: Record<string, Change>; onChange: (id: string, c: Change | null) => void }) {
  const { t, lang } = useI18n();
  const options = [...track.tiers.map((x) => ({ value: x.id, label: tierLabel(track, x.id, lang, '') })), { value: '', label: t('dc.noTier') }];
  const columns: ColumnsType<DecisionItem> = [
    ...useRankingColumns(track),
    { key: 'tier', title: t('dc.tier'), width: 110, render: (_, i) => <Typography.Text strong data-testid="committee-tier">{tierLabel(track, i.tierId, lang, t('dc.noTier'))}</Typography.Text> },
    { key: 'reason', title: t('dc.reason'), width: 200, render: (_, i) => i.reason ?? '—' },
    {
      key: 'change', title: t('cm.proposeChange'), width: 280, render: (_, i) => {
        if (!open) return null;
        const c = changes[i.applicationId];
        if (!c) return <Button size="small" data-testid="committee-propose-change" onClick={() => onChange(i.applicationId, { tierId: i.tierId, reason: '' })}>{t('cm.proposeChange')}</Button>;
        return (
          <Space direction="vertical" size={2} style={{ width: '100%' }}>
            <Space>
              <Select size="small" style={{ width: 120 }} value={c.tierId ?? ''} options={options} data-testid="committee-change-tier" onChange={(v: string) => onChange(i.applicationId, { ...c, tierId: v === '' ? null : v })} />
              <Button size="small" type="link" onClick={() => onChange(i.applicationId, null)}>×</Button>
            </Space>
            <Input size="small" placeholder={t('cm.changeReason')} value={c.reason} data-testid="committee-change-reason" onChange={(e) => onChange(i.applicationId, { ...c, reason: e.target.value })} />
          </Space>
        );
      },
    },
  ];
  return (
    <Card size="small" className="lv-block" title={track.trackName} data-testid="committee-track" data-track={track.trackId}>
      <Table<DecisionItem> rowKey="applicationId" size="small" pagination={false} columns={columns} dataSource={track.items} scroll={{ x: 1000 }}
        onRow={(i) => ({ 'data-testid': 'committee-row', 'data-number': i.number, 'data-tier': i.tierId ?? '' }) as object} />
    </Card>
  );
}

/** /committee/programs/:programId — the submitted list with its explanation; comment, approve or propose changes. */
export default function CommitteeListPage() {
  const { programId = '' } = useParams();
  const { t, lang, pick } = useI18n();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const [load, reload] = useLoad(() => committeeApi.list(programId), [programId]);
  const [comment, setComment] = useState('');
  const [changes, setChanges] = useState<Record<string, Change>>({});
  const [body, setBody] = useState('');
  const [busy, setBusy] = useState<string | null>(null);
  const [approving, setApproving] = useState(false);

  if (load.state === 'loading') return <Skeleton active paragraph={{ rows: 8 }} />;
  if (load.state === 'error') return <ApiErrorPage error={load.error} onRetry={() => reload()} />;
  const list: CommitteeList = load.data;
  const { program, open } = list;

  const act = async (key: string, call: () => Promise<unknown>, done: string) => {
    setBusy(key);
    try {
      await call();
      message.success(done);
      setApproving(false);
      reload();
      return true;
    } catch (e) {
      const field = isApiError(e) ? e.fields[0] : undefined;
      message.error(field ? pick(field.message) : errorText(e));
      return false;
    } finally {
      setBusy(null);
    }
  };
  const proposed = Object.entries(changes);
  const sendChanges = async () => {
    if (proposed.some(([, c]) => c.reason.trim().length < 2)) return message.error(t('cm.changeReasonRequired'));
    if (await act('changes', () => committeeApi.changes(programId, body.trim(), proposed.map(([applicationId, c]) => ({ applicationId, proposedTierId: c.tierId, reason: c.reason.trim() }))), t('cm.changesSent'))) {
      setChanges({});
      setBody('');
    }
  };

  return (
    <div data-testid="committee-list" data-status={program.status}>
      <Breadcrumb className="lv-breadcrumb" items={[{ title: <Link to="/committee">{t('cm.title')}</Link> }, { title: program.programName }]} />
      <Card className="lv-block">
        <Typography.Title level={3} style={{ marginTop: 0 }}>{program.programName}</Typography.Title>
        <Typography.Paragraph>{program.approvalName} {program.submission > 0 && <span data-testid="committee-approvals">{t('dc.approvals', { n: program.approvals, required: program.approvalsRequired, submission: program.submission })}</span>}</Typography.Paragraph>
        <DecisionSteps status={program.status} committee />
        {program.submission === 0 && <Alert type="info" showIcon title={t('cm.notSubmitted')} />}
        {program.submission > 0 && !open && <Alert type="info" showIcon title={t('cm.closed', { status: statusName(program.status, lang) })} data-testid="committee-closed" />}
        {open && (
          <Space wrap className="lv-block">
            {list.approvedByMe
              ? <Alert type="success" showIcon title={t('cm.approvedByMe')} data-testid="committee-approved-by-me" />
              : <Button type="primary" data-testid="committee-approve" onClick={() => setApproving(true)}>{t('cm.approve')}</Button>}
          </Space>
        )}
      </Card>
      {list.tracks.map((tr) => (
        <TrackList key={tr.trackId} track={tr} open={open} changes={changes} onChange={(id, c) => setChanges(({ [id]: _, ...rest }) => (c ? { ...rest, [id]: c } : rest))} />
      ))}
      {open && proposed.length > 0 && (
        <Card size="small" className="lv-block" data-testid="committee-changes">
          <Input.TextArea rows={2} placeholder={t('cm.changesBody')} value={body} onChange={(e) => setBody(e.target.value)} />
          <Button type="primary" danger style={{ marginTop: 8 }} loading={busy === 'changes'} data-testid="committee-send-changes" onClick={sendChanges}>{t('cm.sendChanges', { n: proposed.length })}</Button>
        </Card>
      )}
      {list.awards.length > 0 && (
        <DecisionAwards programId={programId} awards={list.awards} units={[]} editable={false} />
      )}
      <Card size="small" className="lv-block" title={t('dc.committee')}>
        {open && (
          <Space.Compact style={{ width: '100%', marginBottom: 12 }}>
            <Input placeholder={t('cm.commentPlaceholder')} value={comment} onChange={(e) => setComment(e.target.value)} data-testid="committee-comment" />
            <Button disabled={comment.trim().length < 2} loading={busy === 'comment'} data-testid="committee-send-comment"
              onClick={async () => (await act('comment', () => committeeApi.comment(programId, comment.trim()), t('cm.commentSent'))) && setComment('')}>{t('cm.sendComment')}</Button>
          </Space.Compact>
        )}
        {list.reviews.length > 0 || !open ? <CommitteeReviews reviews={list.reviews} tracks={list.tracks} /> : null}
      </Card>
      <Modal open={approving} title={t('cm.approve')} okText={t('cm.approve')} okButtonProps={{ loading: busy === 'approve', 'data-testid': 'committee-approve-ok' }}
        onCancel={() => setApproving(false)} onOk={() => act('approve', () => committeeApi.approve(programId), t('cm.approved'))}>
        {t('cm.approveConfirm')}
      </Modal>
    </div>
  );
}

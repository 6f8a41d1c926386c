import { useState } from 'react';
import { Alert, App, Button, Card, Empty, Input, Modal, Skeleton, Space, Typography } from 'antd';
import { decisionsApi, type DecisionView } from '../api/decisions.api.ts';
import type { ProgramDetail } from '../api/programs.api.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { ApiErrorAlert, useErrorText } from '../shell/api-error.tsx';
import { useLoad } from '../shell/use-load.ts';
import { DecisionAwards } from './decision-awards.tsx';
import { CommitteeReviews } from './decision-committee.tsx';
import { DecisionSteps, statusName } from './decision-shared.tsx';
import { DecisionTrackCard } from './decision-track.tsx';
import '../i18n/decision.ts';

/** 获奖决定: the last round's ranking into tiers per track, program awards, and the list sent to the committee (or finalized). */
export function DecisionTab({ program }: { program: ProgramDetail }) {
  const { t, lang, pick } = useI18n();
  const { message } = App.useApp();
  const errorText = useErrorText();
  const [load, reload, replace] = useLoad(() => decisionsApi.view(program.id), [program.id]);
  const [busy, setBusy] = useState(false);
  const [reopening, setReopening] = useState(false);
  const [reopenReason, setReopenReason] = useState('');

  if (load.state === 'loading') return <Skeleton active paragraph={{ rows: 6 }} />;
  if (load.state === 'error') return <ApiErrorAlert error={load.error} title={t('dc.loadFailed')} onRetry={reload} />;
  const view = load.data;
  const committee = view.approval.by === 'committee';

  const move = async (call: () => Promise<{ status: DecisionView['status'] }>) => {
    setBusy(true);
    try {
      const r = await call();
      message.success(t('dc.moved', { status: statusName(r.status, lang) }));
      setReopening(false);
      setReopenReason('');
      reload();
    } catch (e) {
      message.error(errorText(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div data-testid="decision-tab">
      <DecisionSteps status={view.status} committee={committee} />
      <Card size="small" className="lv-block">
        <Space direction="vertical" style={{ width: '100%' }}>
          <Typography.Text type="secondary">{t('dc.round', { name: view.round.name })}</Typography.Text>
          <Typography.Text data-testid="decision-approvals">
            {committee ? `${view.approval.name ?? ''} ${t('dc.approvals', { n: view.approval.approvals, required: view.approval.approvalsRequired, submission: view.submission })}` : t('dc.noCommittee')}
          </Typography.Text>
          {view.editable && view.blockers.length > 0 && (
            <Alert type="warning" showIcon title={t('dc.blockers')} data-testid="decision-blockers" description={<ul style={{ margin: 0 }}>{view.blockers.map((b, k) => <li key={k}>{pick(b)}</li>)}</ul>} />
          )}
          <Space wrap>
            {view.status === 'deciding' && committee && (
              <Button type="primary" loading={busy} disabled={view.blockers.length > 0} data-testid="decision-submit" onClick={() => move(() => decisionsApi.submit(program.id))}>{t('dc.submit')}</Button>
            )}
            {view.status === 'deciding' && !committee && (
              <Button type="primary" loading={busy} disabled={view.blockers.length > 0} data-testid="decision-finalize" onClick={() => move(() => decisionsApi.finalize(program.id))}>{t('dc.finalize')}</Button>
            )}
            {['with_committee', 'approved', 'publicity_closed'].includes(view.status) && (
              <Button danger data-testid="decision-reopen" onClick={() => setReopening(true)}>{t('dc.reopen')}</Button>
            )}
          </Space>
        </Space>
      </Card>
      {view.tracks.length === 0 && <Empty description={t('dc.noRanking')} />}
      {view.tracks.map((tr) => <DecisionTrackCard key={tr.trackId} programId={program.id} view={view} track={tr} onView={replace} />)}
      <DecisionAwards programId={program.id} awards={view.awards} units={view.units} editable={view.editable} onView={replace} />
      {committee && (
        <Card size="small" className="lv-block" title={t('dc.committee')} data-testid="decision-committee">
          <CommitteeReviews reviews={view.committee} tracks={view.tracks} />
        </Card>
      )}
      <Modal open={reopening} title={t('dc.reopen')} okText={t('dc.reopen')} okButtonProps={{ danger: true, disabled: reopenReason.trim().length < 2, loading: busy, 'data-testid': 'decision-reopen-ok' }}
        onCancel={() => setReopening(false)} onOk={() => move(() => decisionsApi.reopen(program.id, reopenReason.trim()))}>
        <Typography.Paragraph>{t('dc.reopenReason')}</Typography.Paragraph>
        <Input.TextArea rows={3} value={reopenReason} onChange={(e) => setReopenReason(e.target.value)} data-testid="decision-reopen-reason" />
      </Modal>
    </div>
  );
}

import { useState } from 'react';
import { Alert, App, Button, Card, Descriptions, Popconfirm, Space, Typography, type ButtonProps } from 'antd';
import { CheckOutlined, CloseOutlined, RollbackOutlined } from '@ant-design/icons';
import { applicationStatusNames } from '@lvping/domain/application/application-api.schema.ts';
import { screeningApi, type ScreeningOutcome, type ScreeningView } from '../api/screening.api.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { useErrorText } from '../shell/api-error.tsx';
import { formatDateTime } from '../shell/shanghai.ts';
import { DecisionModal } from './decision-modal.tsx';
import { OutcomeTag } from './tags.tsx';

const textLabel = { pass: 'sc.passNoteLabel', fail: 'sc.failReason', return: 'sc.returnComments' } as const;

type ScreeningRecord = NonNullable<ScreeningView['current']>;

/** One screening record: the outcome, its text, who decided when, and whether the reasons are out. */
export function RecordView({ record, testId }: { record: ScreeningRecord; testId: string }) {
  const { t } = useI18n();
  return (
    <Descriptions
      size="small"
      column={1}
      data-testid={testId}
      items={[
        { key: 'outcome', label: t('sc.versionN', { n: record.versionNo }), children: <OutcomeTag outcome={record.outcome} /> },
        ...(record.reason ? [{ key: 'reason', label: t(textLabel[record.outcome ?? 'pass']), children: <span style={{ whiteSpace: 'pre-wrap' }} data-testid="record-reason">{record.reason}</span> }] : []),
        ...(record.decidedAt ? [{ key: 'who', label: '', children: <Typography.Text type="secondary">{t('sc.decidedBy', { name: record.decidedBy ?? '—', time: formatDateTime(record.decidedAt) })}</Typography.Text> }] : []),
        ...(record.releasedAt ? [{ key: 'released', label: '', children: <Typography.Text type="secondary">{t('sc.releasedAt', { time: formatDateTime(record.releasedAt) })}</Typography.Text> }] : []),
      ]}
    />
  );
}

type Props = { view: ScreeningView; mayExtend: boolean; onChange: (v: ScreeningView) => void; onReload: () => void };

/** 通过 / 不符合 / 退回修改 while the application waits; afterwards the decision (and, for organizers, releasing its reasons). */
export function DecisionCard({ view, mayExtend, onChange, onReload }: Props) {
  const { t, pick } = useI18n();
  const { message } = App.useApp();
  const text = useErrorText();
  const [outcome, setOutcome] = useState<ScreeningOutcome | null>(null);
  const [stale, setStale] = useState(false);
  const [busy, setBusy] = useState(false);
  const current = view.current?.outcome ? view.current : null;

  const release = async () => {
    setBusy(true);
    try {
      await screeningApi.release(view.programId, { applicationIds: [view.applicationId] });
      onReload();
    } catch (e) {
      message.error(text(e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card title={t('sc.decision')} className="lv-block" data-testid="decision-card" data-can-decide={view.canDecide}>
      {stale && (
        <Alert type="warning" showIcon className="lv-block" title={t('sc.staleTitle')} description={t('sc.staleText')} data-testid="screening-stale"
          action={<Button size="small" onClick={() => { setStale(false); onReload(); }} data-testid="screening-reload">{t('sc.reload')}</Button>} />
      )}
      {view.canDecide && (
        <Space wrap>
          <Button type="primary" icon={<CheckOutlined />} onClick={() => setOutcome('pass')} data-testid="decide-pass">{t('sc.pass')}</Button>
          <Button danger icon={<CloseOutlined />} onClick={() => setOutcome('fail')} data-testid="decide-fail">{t('sc.fail')}</Button>
          <Button icon={<RollbackOutlined />} onClick={() => setOutcome('return')} data-testid="decide-return">{t('sc.return')}</Button>
        </Space>
      )}
      {!view.canDecide && !current && <Typography.Text type="secondary">{t('sc.notDecidable', { status: pick(applicationStatusNames[view.status]) })}</Typography.Text>}
      {current && (
        <>
          <Typography.Text strong>{t('sc.current')}</Typography.Text>
          <RecordView record={current} testId="screening-current" />
          {current.outcome === 'fail' && !current.releasedAt && view.canRelease && (
            <Popconfirm title={t('q.releaseConfirm')} onConfirm={() => void release()} cancelText={t('apply.cancel')} okButtonProps={{ 'data-testid': 'release-one-confirm' } as ButtonProps} cancelButtonProps={{ 'data-testid': 'release-one-cancel' } as ButtonProps}>
              <Button loading={busy} data-testid="release-one">{t('sc.releaseOne')}</Button>
            </Popconfirm>
          )}
        </>
      )}
      {outcome && (
        <DecisionModal
          view={view}
          outcome={outcome}
          mayExtend={mayExtend}
          onClose={() => setOutcome(null)}
          onStale={() => setStale(true)}
          onDone={(v) => {
            setOutcome(null);
            message.success(t('sc.decided', { outcome: t(`sc.outcome.${outcome}`) }));
            onChange(v);
          }}
        />
      )}
    </Card>
  );
}

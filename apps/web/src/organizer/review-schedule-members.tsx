import { useMemo, useState } from 'react';
import { Link } from 'react-router-dom';
import { Alert, Button, Form, Modal, Select, Skeleton, Table, Typography, type ButtonProps } from 'antd';
import { programExpertsApi } from '../api/experts.api.ts';
import { reviewScheduleAdminApi, type PanelMembersResult, type RoundSchedule, type SchedulePanel, type SkippedPair } from '../api/review-schedule-admin.api.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { ApiErrorAlert, useErrorText } from '../shell/api-error.tsx';
import { useLoad } from '../shell/use-load.ts';

type Props = {
  programId: string;
  schedule: RoundSchedule;
  panel: string;
  members: SchedulePanel['members'];
  onClose: () => void;
  /** Assignments were added: the schedule's members changed. */
  onAdded: () => void;
};

/**
 * 添加评审组成员: accepted experts of the program join a panel, each to review every application
 * of its slots. The server makes the assignments (drafts) and says which pairs it skipped for
 * 回避; the organizer publishes them in 评审分配.
 */
export function PanelMembersModal({ programId, schedule, panel, members, onClose, onAdded }: Props) {
  const { t } = useI18n();
  const errorText = useErrorText();
  const [experts] = useLoad(() => programExpertsApi.list(programId).then((r) => r.items.filter((i) => i.status === 'accepted')), [programId]);
  const [chosen, setChosen] = useState<string[]>([]);
  const [missing, setMissing] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [result, setResult] = useState<PanelMembersResult | null>(null);
  const count = schedule.items.filter((i) => i.slot?.panel === panel).length;
  const memberIds = useMemo(() => new Set(members.map((m) => m.expertId)), [members]);

  const options = useMemo(
    () =>
      experts.state === 'ok'
        ? experts.data.map((e) => ({
            value: e.expertId,
            label: `${e.expert.name} · ${e.expert.orgName}${e.trackName ? ` · ${e.trackName}` : ''}${memberIds.has(e.expertId) ? `（${t('sch.members.already')}）` : ''}`,
          }))
        : [],
    [experts, memberIds, t],
  );
  const nameOf = (expertId: string) => (experts.state === 'ok' ? experts.data.find((e) => e.expertId === expertId)?.expert.name : undefined) ?? expertId;
  const appOf = (applicationId: string) => schedule.items.find((i) => i.applicationId === applicationId);

  const submit = async () => {
    if (!chosen.length) {
      setMissing(true);
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const r = await reviewScheduleAdminApi.addPanelMembers(programId, schedule.roundId, panel, chosen);
      setResult(r);
      onAdded();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };

  const assignmentLink = `/organizer/programs/${encodeURIComponent(programId)}?tab=assignment&round=${encodeURIComponent(schedule.roundId)}`;
  return (
    <Modal
      open
      width={720}
      title={t('sch.members.title', { panel })}
      onCancel={onClose}
      destroyOnHidden
      footer={
        result
          ? [<Button key="close" type="primary" onClick={onClose} data-testid="sched-members-close">{t('sch.close')}</Button>]
          : [
              <Button key="cancel" onClick={onClose}>{t('sch.cancel')}</Button>,
              <Button key="ok" type="primary" loading={busy} disabled={experts.state !== 'ok'} onClick={() => void submit()} {...({ 'data-testid': 'sched-members-save' } as ButtonProps)}>
                {t('sch.members.add')}
              </Button>,
            ]
      }
    >
      <div data-testid="sched-members-modal">
        <Typography.Paragraph type="secondary" data-testid="sched-members-explain">{t('sch.members.explain', { panel, n: count })}</Typography.Paragraph>
        {error !== null && <Alert type="error" showIcon title={errorText(error)} style={{ marginBottom: 12 }} data-testid="sched-members-error" />}
        {result ? (
          <MembersResult result={result} nameOf={nameOf} appOf={appOf} assignmentLink={assignmentLink} />
        ) : experts.state === 'loading' ? (
          <Skeleton active paragraph={{ rows: 2 }} />
        ) : experts.state === 'error' ? (
          <ApiErrorAlert error={experts.error} title={t('sch.members.expertsFailed')} />
        ) : (
          <Form layout="vertical">
            <Form.Item label={t('sch.members.experts')} validateStatus={missing ? 'error' : undefined} help={missing ? t('sch.members.pickRequired') : undefined}>
              <Select
                mode="multiple"
                value={chosen}
                onChange={(v) => {
                  setChosen(v);
                  setMissing(false);
                }}
                options={options}
                optionFilterProp="label"
                placeholder={t('sch.members.pick')}
                style={{ width: '100%' }}
                data-testid="sched-members-select"
              />
            </Form.Item>
          </Form>
        )}
      </div>
    </Modal>
  );
}

function MembersResult({ result, nameOf, appOf, assignmentLink }: {
  result: PanelMembersResult;
  nameOf: (expertId: string) => string;
  appOf: (applicationId: string) => { number: string; title: string } | undefined;
  assignmentLink: string;
}) {
  const { t } = useI18n();
  return (
    <div data-testid="sched-members-result" data-added={result.added} data-skipped={result.skipped.length}>
      <Alert
        type={result.added > 0 ? 'success' : 'warning'}
        showIcon
        title={result.added > 0 ? t('sch.members.added', { n: result.added }) : t('sch.members.nothingAdded')}
        style={{ marginBottom: 12 }}
        data-testid="sched-members-added"
      />
      {result.skipped.length > 0 && (
        <>
          <Typography.Text strong>{t('sch.members.skipped', { n: result.skipped.length })}</Typography.Text>
          <Table<SkippedPair>
            rowKey={(r) => `${r.applicationId}:${r.expertId}`}
            size="small"
            pagination={false}
            dataSource={result.skipped}
            style={{ margin: '8px 0 12px' }}
            onRow={(r) => ({ 'data-testid': 'sched-members-skipped-row', 'data-application': r.applicationId, 'data-expert': r.expertId }) as object}
            columns={[
              {
                key: 'app', title: t('sch.application'),
                render: (_, r) => {
                  const a = appOf(r.applicationId);
                  return a ? `${a.number} ${a.title}` : r.applicationId;
                },
              },
              { key: 'expert', title: t('sch.members.skippedExpert'), render: (_, r) => nameOf(r.expertId) },
              { key: 'reason', title: t('sch.members.skippedReason'), render: (_, r) => <span data-testid="sched-members-skipped-reason">{r.reason}</span> },
            ]}
          />
        </>
      )}
      {result.added > 0 && (
        <Alert
          type="info"
          showIcon
          title={t('sch.members.draftHint')}
          action={<Link to={assignmentLink} data-testid="sched-members-to-assignment">{t('sch.members.toAssignment')}</Link>}
          data-testid="sched-members-hint"
        />
      )}
    </div>
  );
}

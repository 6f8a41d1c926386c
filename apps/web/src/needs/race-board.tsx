import { useMemo, useState } from 'react';
import { Alert, App, Button, Card, DatePicker, Empty, Form, Input, InputNumber, Modal, Skeleton, Space, Table, Tag, Typography } from 'antd';
import { MinusCircleOutlined, PlusOutlined } from '@ant-design/icons';
import dayjs, { type Dayjs } from 'dayjs';
import { milestoneStateNames, type MilestoneState } from '@lvping/domain/needs/milestone.schema.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { EChart, type ChartOption } from '../organizer/echart.tsx';
import { ApiErrorAlert } from '../shell/api-error.tsx';
import { useLoad } from '../shell/use-load.ts';
import { milestonesApi, type MilestoneComparison, type MilestoneView, type SolverView } from './needs.api.ts';
import { applyServerErrors, errorLine } from './need-shared.tsx';
import '../i18n/needs.ts';

// 赛马 per need/track: each funded solver's milestones (state, reports, scores) side by side,
// with a chart of average scores and milestones on time. The organizer sets milestones (or copies
// them from the plans); the organizer and the track's experts score reported milestones.

const stateColor: Record<MilestoneState, string> = { on_time: 'green', late: 'orange', overdue: 'red', pending: 'default' };

export function RaceBoard({ programId }: { programId: string }) {
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const [load, reload, replace] = useLoad(() => milestonesApi.comparison(programId), [programId]);
  const [editing, setEditing] = useState<SolverView | null>(null);
  const [scoring, setScoring] = useState<MilestoneView | null>(null);
  if (load.state === 'loading') return <Skeleton active paragraph={{ rows: 6 }} />;
  if (load.state === 'error') return <ApiErrorAlert error={load.error} title={t('ms.loadFailed')} onRetry={reload} />;
  const c = load.data;
  const fromPlans = async () => {
    try {
      replace(await milestonesApi.fromPlans(programId));
    } catch (e) {
      message.error(errorLine(e, lang));
    }
  };
  return (
    <div data-testid="race-board">
      <Typography.Paragraph type="secondary">{t('ms.intro')}</Typography.Paragraph>
      {c.canManage && <Button style={{ marginBottom: 16 }} onClick={fromPlans} data-testid="race-from-plans">{t('ms.fromPlans')}</Button>}
      {c.tracks.map((track) => (
        <Card key={track.trackId} className="lv-block" title={track.trackName} style={{ marginBottom: 16 }} data-testid={`race-track-${track.trackId}`}>
          {track.solvers.length === 0 ? <Empty description={t('ms.noSolvers')} /> : (
            <>
              <RaceChart solvers={track.solvers} testId={`race-chart-${track.trackId}`} />
              {track.solvers.map((s) => (
                <SolverTable key={s.applicationId} programId={programId} solver={s} comparison={c}
                  onEdit={() => setEditing(s)} onScore={(m) => setScoring(m)} />
              ))}
            </>
          )}
        </Card>
      ))}
      {editing && <MilestoneEditor programId={programId} solver={editing} onClose={() => setEditing(null)} onSaved={(next) => { replace(next); setEditing(null); }} />}
      {scoring && <ScoreModal programId={programId} milestone={scoring} onClose={() => setScoring(null)} onSaved={() => { setScoring(null); reload(); }} />}
    </div>
  );
}

function RaceChart({ solvers, testId }: { solvers: SolverView[]; testId: string }) {
  const { t } = useI18n();
  const option = useMemo<ChartOption>(() => ({
    tooltip: { trigger: 'axis' },
    legend: { data: [t('ms.chartAverage'), t('ms.chartOnTime')] },
    xAxis: { type: 'category', data: solvers.map((s) => s.organization) },
    yAxis: [{ type: 'value', min: 0, max: 100, name: t('ms.chartAverage') }, { type: 'value', minInterval: 1, name: t('ms.chartOnTime') }],
    series: [
      { name: t('ms.chartAverage'), type: 'bar', data: solvers.map((s) => s.averageScore ?? 0) },
      { name: t('ms.chartOnTime'), type: 'line', yAxisIndex: 1, data: solvers.map((s) => s.onTime) },
    ],
  }), [solvers, t]);
  return <EChart option={option} height={260} testId={testId} />;
}

function SolverTable({ programId, solver, comparison, onEdit, onScore }: { programId: string; solver: SolverView; comparison: MilestoneComparison; onEdit: () => void; onScore: (m: MilestoneView) => void }) {
  const { t, pick } = useI18n();
  return (
    <div style={{ marginTop: 16 }} data-testid={`race-solver-${solver.applicationId}`} data-average={solver.averageScore ?? ''} data-on-time={solver.onTime}>
      <Space wrap style={{ marginBottom: 8 }}>
        <Typography.Text strong>{solver.organization}</Typography.Text>
        <Typography.Text type="secondary">{solver.number} · {solver.title}</Typography.Text>
        <Tag>{t('ms.average')} {solver.averageScore ?? '—'}</Tag>
        <Tag>{t('ms.onTimeRate')} {solver.onTimeRate === null ? '—' : `${solver.onTimeRate}%`}</Tag>
        {comparison.canManage && <Button size="small" onClick={onEdit} data-testid={`race-edit-${solver.applicationId}`}>{t('ms.setMilestones')}</Button>}
      </Space>
      <Table<MilestoneView> size="small" rowKey="id" pagination={false} dataSource={solver.milestones}
        columns={[
          { key: 'name', title: t('ms.milestone'), render: (_, m) => `${m.seq}. ${m.name}` },
          { key: 'due', title: t('ms.dueOn'), dataIndex: 'dueOn' },
          { key: 'state', title: t('ms.state'), render: (_, m) => <Tag color={stateColor[m.state]} data-testid={`race-state-${m.id}`}>{pick(milestoneStateNames[m.state])}</Tag> },
          { key: 'reports', title: t('ms.reports'), render: (_, m) => <Space direction="vertical" size={0}>{m.reports.map((r) => <a key={r.id} href={milestonesApi.reportUrl(programId, m.id, r.id)}>{r.name}</a>)}</Space> },
          { key: 'score', title: t('ms.score'), render: (_, m) => (
            <Space>
              <span data-testid={`race-score-${m.id}`}>{m.averageScore ?? '—'}</span>
              {comparison.canScore && m.reports.length > 0 && <Button size="small" onClick={() => onScore(m)} data-testid={`race-score-btn-${m.id}`}>{t('ms.scoreIt')}</Button>}
            </Space>
          ) },
        ]} />
    </div>
  );
}

type EditorValues = { milestones: { id?: string; name: string; dueOn?: Dayjs }[] };

function MilestoneEditor({ programId, solver, onClose, onSaved }: { programId: string; solver: SolverView; onClose: () => void; onSaved: (c: MilestoneComparison) => void }) {
  const { t, lang } = useI18n();
  const [form] = Form.useForm<EditorValues>();
  const [error, setError] = useState<string | null>(null);
  const save = async () => {
    const v = form.getFieldsValue(true) as EditorValues;
    try {
      onSaved(await milestonesApi.set(programId, solver.applicationId, v.milestones.map((m) => ({ ...(m.id ? { id: m.id } : {}), name: m.name ?? '', dueOn: m.dueOn ? m.dueOn.format('YYYY-MM-DD') : '' }))));
    } catch (e) {
      setError(applyServerErrors(form, e, lang));
    }
  };
  return (
    <Modal open title={`${t('ms.setMilestones')}：${solver.organization}`} onCancel={onClose} onOk={save} width={640} okButtonProps={{ 'data-testid': 'race-edit-save' } as never}>
      {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 12 }} />}
      <Form form={form} initialValues={{ milestones: solver.milestones.map((m) => ({ id: m.id, name: m.name, dueOn: dayjs(m.dueOn) })) }}>
        <Form.List name="milestones">
          {(items, { add, remove }) => (
            <>
              {items.map((item, i) => (
                <Space key={item.key} align="start">
                  <Form.Item name={[item.name, 'name']}><Input placeholder={t('ms.milestone')} data-testid={`race-edit-name-${i}`} /></Form.Item>
                  <Form.Item name={[item.name, 'dueOn']}><DatePicker data-testid={`race-edit-due-${i}`} /></Form.Item>
                  <MinusCircleOutlined onClick={() => remove(item.name)} style={{ marginTop: 8 }} />
                </Space>
              ))}
              <Button icon={<PlusOutlined />} onClick={() => add({ name: '' })} data-testid="race-edit-add">{t('ms.add')}</Button>
            </>
          )}
        </Form.List>
      </Form>
    </Modal>
  );
}

function ScoreModal({ programId, milestone, onClose, onSaved }: { programId: string; milestone: MilestoneView; onClose: () => void; onSaved: () => void }) {
  const { t, lang } = useI18n();
  const mine = milestone.scores.find((s) => s.mine);
  const [form] = Form.useForm<{ score: number; comment: string }>();
  const [error, setError] = useState<string | null>(null);
  const save = async () => {
    const v = form.getFieldsValue(true);
    try {
      await milestonesApi.score(programId, milestone.id, { score: v.score, comment: v.comment ?? '' });
      onSaved();
    } catch (e) {
      setError(applyServerErrors(form, e, lang));
    }
  };
  return (
    <Modal open title={`${t('ms.scoreIt')}：${milestone.name}`} onCancel={onClose} onOk={save} okButtonProps={{ 'data-testid': 'race-score-save' } as never}>
      {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 12 }} />}
      <Form form={form} layout="vertical" initialValues={{ score: mine?.score, comment: mine?.comment }}>
        <Form.Item name="score" label={`${t('ms.score')}（0–100）`}><InputNumber min={0} max={100} data-testid="race-score-value" /></Form.Item>
        <Form.Item name="comment" label={t('ms.comment')}><Input.TextArea rows={3} data-testid="race-score-comment" /></Form.Item>
      </Form>
      {milestone.scores.filter((s) => !s.mine).map((s, i) => <Typography.Paragraph key={i} type="secondary">{s.scorer ?? ''} {s.score}：{s.comment}</Typography.Paragraph>)}
    </Modal>
  );
}

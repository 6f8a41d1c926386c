import { useState } from 'react';
import { Alert, App, Button, Card, Form, List, Slider, Space, Spin, Switch, Typography } from 'antd';
import { ThunderboltOutlined } from '@ant-design/icons';
import { assignmentApi, type AssignmentView, type SolveResult } from '../api/assignment.api.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { useErrorText } from '../shell/api-error.tsx';
import { JobProgress } from '../shell/job-progress.tsx';
import type { JobView } from '../api/jobs.api.ts';

type Infeasible = Extract<SolveResult, { feasible: false }>;

/** Why the solve failed, with each shortfall and the application it concerns. */
function InfeasibleAlert({ result }: { result: Infeasible }) {
  const { t } = useI18n();
  return (
    <Alert
      type="warning"
      showIcon
      style={{ marginTop: 12 }}
      data-testid="solve-infeasible"
      title={`${t('as.infeasible')}：${result.message}`}
      description={
        result.shortfalls.length > 0 && (
          <List
            size="small"
            header={t('as.shortfalls')}
            dataSource={result.shortfalls}
            data-testid="solve-shortfalls"
            renderItem={(s) => (
              <List.Item data-testid="solve-shortfall" data-number={s.number}>
                <Space wrap>
                  {s.number && <Typography.Text strong>{s.number}</Typography.Text>}
                  <span>{s.detail}</span>
                </Space>
              </List.Item>
            )}
          />
        )
      }
    />
  );
}

/** 运行分配: load balance weight (→ loadCost) and whether each application needs a strong match. */
export function AssignmentSolveForm({ programId, round, strongThreshold, onSolved }: { programId: string; round: string; strongThreshold: number; onSolved: (v: AssignmentView) => void }) {
  const { t } = useI18n();
  const errorText = useErrorText();
  const { message } = App.useApp();
  const [loadCost, setLoadCost] = useState(10);
  const [requireStrong, setRequireStrong] = useState(false);
  const [busy, setBusy] = useState(false);
  const [jobId, setJobId] = useState<string | null>(null);
  const [infeasible, setInfeasible] = useState<Infeasible | null>(null);
  const [error, setError] = useState<unknown>(null);

  // The solve is a job: the request queues it, the bar follows it, and its result is the assignment.
  const run = async () => {
    setBusy(true);
    setInfeasible(null);
    setError(null);
    try {
      setJobId((await assignmentApi.solve(programId, round, { loadCost, requireStrong, seed: 0 })).jobId);
    } catch (e) {
      setError(e);
      setBusy(false);
    }
  };
  const onDone = (job: JobView) => {
    setBusy(false);
    const r = job.status === 'succeeded' ? (job.result as SolveResult) : null;
    if (!r) return; // dead: the bar shows why
    if (r.feasible) {
      onSolved(r.view);
      void message.success(t('as.solved', { n: r.view.items.filter((i) => i.status !== 'declined').length }));
    } else setInfeasible(r);
  };

  return (
    <Card size="small" title={t('as.runTitle')} className="lv-block" data-testid="assignment-solve" data-busy={busy}>
      <Spin spinning={busy && !jobId} description={t('as.solving')}>
        <Typography.Paragraph type="secondary">{t('as.runText')}</Typography.Paragraph>
        <Form layout="vertical">
          <Form.Item label={t('as.loadWeight')} extra={t('as.loadWeightHint')} style={{ maxWidth: 480 }}>
            <Slider min={0} max={100} value={loadCost} onChange={setLoadCost} marks={{ 0: '0', 50: '50', 100: '100' }} data-testid="solve-load-weight" />
          </Form.Item>
          <Form.Item label={t('as.requireStrong')} extra={t('as.requireStrongHint', { n: strongThreshold })}>
            <Switch checked={requireStrong} onChange={setRequireStrong} data-testid="solve-require-strong" />
          </Form.Item>
          <Button type="primary" icon={<ThunderboltOutlined />} loading={busy} onClick={() => void run()} data-testid="solve-run">
            {t('as.run')}
          </Button>
        </Form>
        {jobId && (
          <div style={{ maxWidth: 480, marginTop: 12 }} data-testid="solve-job">
            <Typography.Text type="secondary">{t('as.solving')}</Typography.Text>
            <JobProgress key={jobId} jobId={jobId} onDone={onDone} />
          </div>
        )}
        {infeasible && <InfeasibleAlert result={infeasible} />}
        {error !== null && <Alert type="error" showIcon style={{ marginTop: 12 }} title={errorText(error)} data-testid="solve-error" />}
      </Spin>
    </Card>
  );
}

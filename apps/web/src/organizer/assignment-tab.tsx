import { useMemo } from 'react';
import { useSearchParams } from 'react-router-dom';
import { Alert, Segmented, Skeleton, Space, Typography } from 'antd';
import { assignmentApi, type AssignmentView } from '../api/assignment.api.ts';
import { programExpertsApi } from '../api/experts.api.ts';
import type { ProgramDetail } from '../api/programs.api.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { ApiErrorAlert } from '../shell/api-error.tsx';
import { useLoad } from '../shell/use-load.ts';
import { AssignmentLoadChart } from './assignment-load-chart.tsx';
import { candidatesOf } from './assignment-model.ts';
import { AssignmentPublishButton } from './assignment-publish.tsx';
import { AssignmentQualityCard } from './assignment-quality.tsx';
import { AssignmentRules } from './assignment-rules.tsx';
import { AssignmentSolveForm } from './assignment-solve-form.tsx';
import { AssignmentTable } from './assignment-table.tsx';
import './assignment.css';
import '../i18n/assign.ts';
import '../i18n/rounds.ts';

/** The view and the program's invited experts (the experts list is a help, not a must: without it the view's experts are offered). */
async function loadTab(programId: string, round: string | undefined) {
  const [view, invited] = await Promise.all([assignmentApi.view(programId, round), programExpertsApi.list(programId).then((r) => r.items, () => null)]);
  return { view, invited };
}

/** 评审轮次: which round's assignment this is (in the address, so a link can open a round). */
function RoundSwitch({ view, onChange }: { view: AssignmentView; onChange: (round: string) => void }) {
  const { t } = useI18n();
  if (view.rounds.length < 2) return null;
  return (
    <Space wrap style={{ marginBottom: 12 }}>
      <Typography.Text type="secondary">{t('rd.round')}</Typography.Text>
      <Segmented<string>
        value={view.roundId}
        onChange={onChange}
        options={view.rounds.map((r) => ({ value: r.id, label: <span data-testid={`assignment-round-${r.id}`}>{r.name}</span> }))}
        data-testid="assignment-round"
      />
    </Space>
  );
}

/** 评审分配 of one round: solve, read the quality report, edit by hand, publish to the experts. */
export function AssignmentTab({ program }: { program: ProgramDetail }) {
  const { t } = useI18n();
  const [params, setParams] = useSearchParams();
  const round = params.get('round') ?? undefined;
  const [load, reload, replace] = useLoad(() => loadTab(program.id, round), [program.id, round]);
  const data = load.state === 'ok' ? load.data : null;
  const candidates = useMemo(() => (data ? candidatesOf(data.view, data.invited) : []), [data]);

  if (load.state === 'loading') return <Skeleton active paragraph={{ rows: 8 }} />;
  if (load.state === 'error') return <ApiErrorAlert error={load.error} title={t('as.loadFailed')} onRetry={reload} />;
  const { view, invited } = load.data;
  // Every edit answers with the whole view: the report, chart and table follow it at once.
  const setView = (v: AssignmentView) => replace({ view: v, invited });
  const assigned = view.items.length > 0;
  const chooseRound = (id: string) => {
    const p = new URLSearchParams(params);
    p.set('round', id);
    setParams(p, { replace: true });
  };

  return (
    <div data-testid="assignment-tab" data-round={view.roundId}>
      <RoundSwitch view={view} onChange={chooseRound} />
      <Space style={{ justifyContent: 'space-between', width: '100%', marginBottom: 12 }} wrap>
        <Typography.Text type="secondary" data-testid="assignment-summary">
          {t('as.summary', { apps: view.applications, experts: view.experts, n: view.reviewsPerApplication })}
        </Typography.Text>
        {assigned && <AssignmentPublishButton programId={program.id} view={view} onPublished={() => reload()} />}
      </Space>
      {view.applications === 0 && <Alert type="info" showIcon title={t('as.noApps')} className="lv-block" data-testid="assignment-no-apps" />}
      {view.applications > 0 && view.experts === 0 && <Alert type="info" showIcon title={t('as.noExperts')} className="lv-block" data-testid="assignment-no-experts" />}
      <AssignmentSolveForm key={view.roundId} programId={program.id} round={view.roundId} strongThreshold={view.quality.strongThreshold} onSolved={setView} />
      {(assigned || view.run) && (
        <>
          <AssignmentQualityCard view={view} />
          <AssignmentLoadChart items={view.items} experts={candidates} />
          <AssignmentTable program={program} view={view} candidates={candidates} onView={setView} />
          <AssignmentRules programId={program.id} view={view} candidates={candidates} onView={setView} />
        </>
      )}
    </div>
  );
}

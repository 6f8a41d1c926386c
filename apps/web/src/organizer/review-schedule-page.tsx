import { Link, useNavigate, useParams } from 'react-router-dom';
import { Alert, Breadcrumb, Card, Segmented, Skeleton, Space, Tag, Typography } from 'antd';
import { programsApi, type ProgramDetail } from '../api/programs.api.ts';
import { useI18n, type AnyMessageKey } from '../i18n/i18n.tsx';
import { ApiErrorPage } from '../shell/api-error.tsx';
import { useLoad } from '../shell/use-load.ts';
import { ReviewSchedulePanel } from './review-schedule-panel.tsx';
import './organizer.css';
import '../i18n/schedule.ts';

type ScheduleRound = { id: string; name: string; nameEn: string | null; kind: string | null };

/** The program's review rounds as its definition states them (the phase gives the name and kind). */
function roundsOf(def: ProgramDetail['definition']): ScheduleRound[] {
  return (def.review?.rounds ?? []).map((r) => {
    const phase = def.phases.find((p) => p.id === r.phase);
    return { id: r.id, name: phase?.name ?? r.id, nameEn: phase?.nameEn ?? null, kind: phase?.kind ?? null };
  });
}

/**
 * /organizer/programs/:programId/rounds/:roundId/schedule — 评审安排 of one round on a page of its
 * own: site visits, or the roadshow timetable with its panels. Other rounds are one click away.
 */
export default function ReviewSchedulePage() {
  const { programId = '', roundId = '' } = useParams();
  const { t, lang } = useI18n();
  const navigate = useNavigate();
  const [load, reload] = useLoad(() => programsApi.get(programId), [programId]);

  if (load.state === 'loading') return <Skeleton active paragraph={{ rows: 8 }} />;
  if (load.state === 'error') return <ApiErrorPage error={load.error} onRetry={() => reload()} />;
  const program = load.data;
  const rounds = roundsOf(program.definition);
  const round = rounds.find((r) => r.id === roundId);
  const nameOf = (r: ScheduleRound) => (lang === 'en' && r.nameEn ? r.nameEn : r.name);
  const kindName = (kind: string) => {
    const key = `sch.kind.${kind}` as AnyMessageKey;
    const text = t(key);
    return text === key ? kind : text;
  };

  return (
    <div data-testid="sched-page" data-program={program.id} data-round={roundId}>
      <Breadcrumb
        className="lv-breadcrumb"
        items={[
          { title: <Link to="/organizer">{t('nav.organizer')}</Link> },
          { title: <Link to={`/organizer/programs/${encodeURIComponent(program.id)}?tab=review&round=${encodeURIComponent(roundId)}`}>{program.definition.name}</Link> },
          { title: t('sch.pageTitle') },
        ]}
      />
      <Card className="lv-block">
        <Space wrap align="center" style={{ marginBottom: 12 }}>
          <Typography.Title level={3} style={{ margin: 0 }} data-testid="sched-page-title">
            {t('sch.pageTitle')}
            {round ? ` · ${nameOf(round)}` : ''}
          </Typography.Title>
          {round?.kind && (
            <Tag color="geekblue" data-testid="sched-round-kind" data-kind={round.kind}>
              {kindName(round.kind)}
            </Tag>
          )}
        </Space>
        {rounds.length > 1 && (
          <div style={{ marginBottom: 16 }}>
            <Space wrap>
              <Typography.Text type="secondary">{t('sch.round')}</Typography.Text>
              <Segmented<string>
                value={roundId}
                onChange={(id) => navigate(`/organizer/programs/${encodeURIComponent(program.id)}/rounds/${encodeURIComponent(id)}/schedule`)}
                options={rounds.map((r) => ({ value: r.id, label: <span data-testid={`sched-round-${r.id}`}>{nameOf(r)}</span> }))}
                data-testid="sched-round-switch"
              />
            </Space>
          </div>
        )}
        {!rounds.length ? (
          <Alert type="info" showIcon title={t('sch.noRounds')} data-testid="sched-no-rounds" />
        ) : !round ? (
          <Alert type="warning" showIcon title={t('sch.unknownRound', { id: roundId })} data-testid="sched-unknown-round" />
        ) : (
          <ReviewSchedulePanel key={`${program.id}:${round.id}`} programId={program.id} roundId={round.id} />
        )}
      </Card>
    </div>
  );
}

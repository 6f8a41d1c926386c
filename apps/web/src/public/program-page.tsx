import { lazy, Suspense, useEffect, useState } from 'react';
import { useLocation, useNavigate, useParams, useSearchParams } from 'react-router-dom';
import { Card, Col, Row, Skeleton, Typography } from 'antd';
import { ClockCircleOutlined, TeamOutlined } from '@ant-design/icons';
import { programsApi, type ProgramDetail } from '../api/programs.api.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { listIn, textIn } from '../i18n/text-in.tsx';
import { useSession } from '../session/session.tsx';
import { ApiErrorPage } from '../shell/api-error.tsx';
import { formatEnd, formatStart } from '../shell/shanghai.ts';
import { useLoad } from '../shell/use-load.ts';
import { ProgramStatusTags } from '../shell/program-status-tag.tsx';
import { PhaseTimeline } from './phase-timeline.tsx';
import { ProgramContacts, ProgramDocuments } from './program-info.tsx';
import { TrackCard } from './track-card.tsx';
import { PublicityLink } from './publicity-link.tsx';
import { ResultsLink } from './results-link.tsx';
import './call.css';
import '../i18n/work.ts';

// Fetched when someone clicks 申报: the dialog brings the organization form (regions, zod
// schemas, selects), which a visitor reading the call never needs.
const ApplyDialog = lazy(() => import('./apply-dialog.tsx').then((m) => ({ default: m.ApplyDialog })));

type Track = ProgramDetail['definition']['tracks'][number];

/** Tracks in the definition's order; a group's tracks together under its heading, where its first track is. */
function TrackGroups({ program, onApply }: { program: ProgramDetail; onApply: (t: Track) => void }) {
  const { lang } = useI18n();
  const { tracks, trackGroups } = program.definition;
  const card = (t: Track) => <TrackCard key={t.id} program={program} track={t} onApply={onApply} />;
  const shown = new Set<string>();
  const blocks = tracks.map((track) => {
    if (!track.group) return card(track);
    if (shown.has(track.group)) return null;
    shown.add(track.group);
    const g = trackGroups.find((x) => x.id === track.group);
    return (
      <section key={`group-${track.group}`} className="lv-track-group" data-testid={`track-group-${track.group}`}>
        <Typography.Title level={4}>{g ? textIn(lang, g.name, g.nameEn) : track.group}</Typography.Title>
        {g?.description && <Typography.Paragraph type="secondary" className="lv-pre">{textIn(lang, g.description, g.descriptionEn)}</Typography.Paragraph>}
        {tracks.filter((t) => t.group === track.group).map(card)}
      </section>
    );
  });
  return <div data-testid="tracks">{blocks}</div>;
}

function CallHeader({ program }: { program: ProgramDetail }) {
  const { lang, t } = useI18n();
  const def = program.definition;
  const en = lang === 'en';
  return (
    <Card className="lv-call-hero">
      <div className="lv-program-meta">
        <ProgramStatusTags program={{ slug: program.slug, status: program.status, callOpensAt: program.callOpensAt, callClosesAt: program.callClosesAt }} />
        <Typography.Text type="secondary">{t('home.year', { year: def.year })}</Typography.Text>
      </div>
      <Typography.Title level={2} className="lv-call-title" data-testid="program-name">
        {textIn(lang, def.name, def.nameEn)}
      </Typography.Title>
      <Typography.Paragraph type="secondary">
        <TeamOutlined /> {t('home.organizers')}{en ? ': ' : '：'}{listIn(lang, def.organizers, def.organizersEn)}
      </Typography.Paragraph>
      <div className="lv-deadline" data-testid="call-deadline">
        <ClockCircleOutlined /> {t('call.deadline', { time: formatEnd(program.callClosesAt) })}
        <span className="lv-deadline-open">{t('call.opens', { time: formatStart(program.callOpensAt) })}</span>
      </div>
      {def.summary && <Typography.Paragraph className="lv-pre lv-call-summary">{textIn(lang, def.summary, def.summaryEn)}</Typography.Paragraph>}
    </Card>
  );
}

/** /programs/:slug — the public call (征集通知) page. */
export default function ProgramPage() {
  const { slug = '' } = useParams();
  const { t } = useI18n();
  const { user } = useSession();
  const navigate = useNavigate();
  const location = useLocation();
  const [params, setParams] = useSearchParams();
  const [load, reload] = useLoad(() => programsApi.bySlug(slug), [slug]);
  const [applying, setApplying] = useState<Track | null>(null);

  const onApply = (track: Track) => {
    if (user) return setApplying(track);
    // Signed out: log in first, then come back here with the dialog open again.
    // The login page says why it is asked for (reason) and what comes after it.
    navigate('/login', { state: { from: { pathname: location.pathname, search: `?apply=${encodeURIComponent(track.id)}` }, reason: { kind: 'apply', track: track.name, trackEn: track.nameEn } } });
  };

  const wanted = params.get('apply');
  const program = load.state === 'ok' ? load.data : null;
  useEffect(() => {
    if (!wanted || !program || !user) return;
    const track = program.definition.tracks.find((tr) => tr.id === wanted);
    if (track) setApplying(track);
    setParams({}, { replace: true });
  }, [wanted, program, user, setParams]);

  if (load.state === 'loading') return <Skeleton active paragraph={{ rows: 10 }} />;
  if (load.state === 'error') return <ApiErrorPage error={load.error} onRetry={reload} />;
  const p = load.data;
  return (
    <div className="lv-call" data-testid="call-page">
      <ResultsLink slug={p.slug} />
      <CallHeader program={p} />
      <PublicityLink slug={p.slug} />
      <Row gutter={[24, 16]}>
        <Col xs={24} lg={16}>
          <Typography.Title level={3} className="lv-section-title">
            {t('call.tracks')}
          </Typography.Title>
          <TrackGroups program={p} onApply={onApply} />
          <ProgramDocuments documents={p.definition.documents} />
        </Col>
        <Col xs={24} lg={8}>
          <Card title={t('call.schedule')} className="lv-call-card">
            <PhaseTimeline phases={p.definition.phases} />
          </Card>
          <ProgramContacts contacts={p.definition.contacts} />
        </Col>
      </Row>
      {applying && (
        <Suspense fallback={null}>
          <ApplyDialog program={p} track={applying} onClose={() => setApplying(null)} />
        </Suspense>
      )}
    </div>
  );
}

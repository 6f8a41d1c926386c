import { Link, useParams } from 'react-router-dom';
import { Breadcrumb, Card, Skeleton, Typography } from 'antd';
import { programsApi } from '../api/programs.api.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { useSession } from '../session/session.tsx';
import { ApiErrorPage } from '../shell/api-error.tsx';
import { useLoad } from '../shell/use-load.ts';
import { ScreeningQueue } from './screening-queue.tsx';
import { mayRelease, screeningTracks } from './scope.ts';
import './review.css';
import '../i18n/work.ts';
import '../i18n/review.ts';

/** /review/programs/:programId — the screening queue of one of the program's tracks. */
export default function QueuePage() {
  const { programId = '' } = useParams();
  const { t } = useI18n();
  const { user } = useSession();
  const [load, reload] = useLoad(() => programsApi.get(programId), [programId]);

  if (load.state === 'loading') return <Skeleton active paragraph={{ rows: 8 }} />;
  if (load.state === 'error') return <ApiErrorPage error={load.error} onRetry={() => reload()} />;
  const program = load.data;
  return (
    <div data-testid="review-queue-page">
      <Breadcrumb className="lv-breadcrumb" items={[{ title: <Link to="/review">{t('nav.review')}</Link> }, { title: program.definition.name }]} />
      <Card>
        <Typography.Title level={3} style={{ marginTop: 0 }}>
          {program.definition.name}
        </Typography.Title>
        <ScreeningQueue
          programId={program.id}
          tracks={screeningTracks(user, program)}
          hrefOf={(id) => `/review/programs/${program.id}/applications/${id}`}
          canRelease={mayRelease(user, program.id)}
        />
      </Card>
    </div>
  );
}

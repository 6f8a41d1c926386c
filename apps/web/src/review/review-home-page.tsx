import { Link } from 'react-router-dom';
import { Button, Card, Empty, Skeleton, Space, Tag, Typography } from 'antd';
import { TeamOutlined } from '@ant-design/icons';
import { canOnSomeProgram, isPlatformAdmin } from '@lvping/domain/access/roles.ts';
import { programsApi, type ProgramDetail } from '../api/programs.api.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { useSession } from '../session/session.tsx';
import { ApiErrorAlert } from '../shell/api-error.tsx';
import { statusColor } from '../shell/status.ts';
import { useLoad } from '../shell/use-load.ts';
import { screenedProgramIds, screeningTracks } from './scope.ts';
import './review.css';
import '../i18n/work.ts';
import '../i18n/review.ts';

async function loadPrograms(user: ReturnType<typeof useSession>['user']): Promise<ProgramDetail[]> {
  const ids = user && isPlatformAdmin({ userId: user.id, grants: user.grants })
    ? (await programsApi.manageable()).programs.map((p) => p.id)
    : screenedProgramIds(user);
  // A program that went back to draft (or was removed) is skipped rather than failing the page.
  const found = await Promise.all(ids.map((id) => programsApi.get(id).catch(() => null)));
  return found.filter((p): p is ProgramDetail => p !== null);
}

/** /review — the programs and tracks this review institution screens. */
export default function ReviewHomePage() {
  const { t } = useI18n();
  const { user } = useSession();
  const [load, reload] = useLoad(() => loadPrograms(user), [user?.id]);

  return (
    <div data-testid="review-home">
      <Space style={{ justifyContent: 'space-between', width: '100%', marginBottom: 16 }} wrap>
        <Typography.Title level={3} style={{ margin: 0 }}>{t('rv.title')}</Typography.Title>
        {/* Review institutions manage the shared expert pool too. */}
        {canOnSomeProgram(user ? { userId: user.id, grants: user.grants } : null, 'expert.manage') && (
          <Link to="/organizer/experts">
            <Button icon={<TeamOutlined />} data-testid="open-expert-pool">{t('nav.experts')}</Button>
          </Link>
        )}
      </Space>
      {load.state === 'loading' && <Skeleton active paragraph={{ rows: 6 }} />}
      {load.state === 'error' && <ApiErrorAlert error={load.error} title={t('rv.loadFailed')} onRetry={reload} />}
      {load.state === 'ok' && load.data.length === 0 && (
        <Card>
          <Empty description={t('rv.noPrograms')} />
        </Card>
      )}
      {load.state === 'ok' &&
        load.data.map((p) => {
          const tracks = screeningTracks(user, p);
          if (tracks.length === 0) return null;
          return (
            <Card
              key={p.id}
              className="lv-block"
              data-testid="review-program"
              data-slug={p.slug}
              title={
                <Space>
                  <span>{p.definition.name}</span>
                  <Tag color={statusColor[p.status]}>{t(`status.${p.status}`)}</Tag>
                </Space>
              }
              extra={
                <Link to={`/review/programs/${p.id}`}>
                  <Button type="primary" data-testid={`review-open-${p.slug}`}>{t('rv.openQueue')}</Button>
                </Link>
              }
            >
              <Typography.Text type="secondary">{t('rv.tracks')}</Typography.Text>
              <Space size={[8, 8]} wrap style={{ marginTop: 8, display: 'flex' }}>
                {tracks.map((tr) => (
                  <Link key={tr.id} to={`/review/programs/${p.id}?track=${encodeURIComponent(tr.id)}`} data-testid={`review-track-${tr.id}`}>
                    <Button size="small" tabIndex={-1}>{tr.name}</Button>
                  </Link>
                ))}
              </Space>
            </Card>
          );
        })}
    </div>
  );
}

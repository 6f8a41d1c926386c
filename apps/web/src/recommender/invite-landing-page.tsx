import { useState } from 'react';
import { Link, useLocation, useParams } from 'react-router-dom';
import { Alert, Button, Card, Descriptions, Radio, Skeleton, Space, Typography } from 'antd';
import { inviteApi } from '../api/recommendation.api.ts';
import { programsApi } from '../api/programs.api.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { ApplyDialog } from '../public/apply-dialog.tsx';
import { useSession } from '../session/session.tsx';
import { ApiErrorAlert } from '../shell/api-error.tsx';
import { useLoad } from '../shell/use-load.ts';
import '../i18n/work.ts';
import '../i18n/recommend.ts';

/** /apply/invite/:token — an applicant arrives through a unit's link: the unit and program, then a track and the draft. */
export default function InviteLandingPage() {
  const { token = '' } = useParams();
  const { t } = useI18n();
  const { user } = useSession();
  const location = useLocation();
  const [load, reload] = useLoad(async () => {
    const info = await inviteApi.info(token);
    return { info, program: await programsApi.get(info.programId) };
  }, [token]);
  const [trackId, setTrackId] = useState<string | null>(null);
  const [applying, setApplying] = useState(false);

  if (load.state === 'loading') return <Skeleton active paragraph={{ rows: 6 }} />;
  if (load.state === 'error') {
    return (
      <Card style={{ maxWidth: 720, margin: '0 auto' }}>
        <ApiErrorAlert error={load.error} title={t('invite.invalid')} onRetry={reload} />
      </Card>
    );
  }
  const { info, program } = load.data;
  const tracks = program.definition.tracks.filter((tr) => info.tracks.some((x) => x.id === tr.id));
  const track = tracks.find((tr) => tr.id === trackId) ?? (tracks.length === 1 ? tracks[0] : undefined);

  return (
    <Card style={{ maxWidth: 720, margin: '0 auto' }} data-testid="invite-landing" data-unit={info.unitName}>
      <Typography.Title level={3}>{t('invite.landingTitle', { unit: info.unitName })}</Typography.Title>
      <Typography.Paragraph type="secondary">{t('invite.landingText', { unit: info.unitName })}</Typography.Paragraph>
      <Descriptions
        column={1}
        size="small"
        items={[
          { key: 'program', label: t('invite.program'), children: <Link to={`/programs/${info.programSlug}`}>{info.programName}</Link> },
          { key: 'unit', label: t('invite.unit'), children: <span data-testid="invite-unit">{info.unitName}</span> },
        ]}
      />
      {program.status !== 'open' && <Alert type="warning" showIcon title={t('call.notOpen')} style={{ marginBottom: 16 }} />}
      <Typography.Title level={5}>{t('invite.chooseTrack')}</Typography.Title>
      <Radio.Group value={track?.id ?? null} onChange={(e) => setTrackId(String(e.target.value))} data-testid="invite-tracks">
        <Space orientation="vertical">
          {tracks.map((tr) => (
            <Radio key={tr.id} value={tr.id} data-testid={`invite-track-${tr.id}`}>
              {tr.name}
            </Radio>
          ))}
        </Space>
      </Radio.Group>
      <div style={{ marginTop: 24 }}>
        {user ? (
          <Button type="primary" size="large" disabled={!track || program.status !== 'open'} onClick={() => setApplying(true)} data-testid="invite-apply">
            {t('invite.apply')}
          </Button>
        ) : (
          <Link to="/login" state={{ from: location }}>
            <Button type="primary" size="large" data-testid="invite-sign-in">{t('invite.signIn')}</Button>
          </Link>
        )}
      </div>
      {applying && track && <ApplyDialog program={program} track={track} inviteToken={token} onClose={() => setApplying(false)} />}
    </Card>
  );
}

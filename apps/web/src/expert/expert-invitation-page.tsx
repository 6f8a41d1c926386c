import { useState } from 'react';
import { Link, useLocation, useSearchParams } from 'react-router-dom';
import { Alert, Button, Card, Descriptions, List, Result, Skeleton, Space, Tag, Typography } from 'antd';
import { programExpertStatusNames } from '@lvping/domain/expert/expert.schema.ts';
import { expertInvitationsApi, type ExpertInvitationInfo, type MyExpertInvitation } from '../api/experts.api.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { useSession } from '../session/session.tsx';
import { ApiErrorAlert } from '../shell/api-error.tsx';
import { useLoad } from '../shell/use-load.ts';
import { InvitationAcceptForm } from './invitation-accept-form.tsx';
import { InvitationDecline } from './invitation-decline.tsx';
import '../i18n/work.ts';
import '../i18n/expert.ts';

const cardStyle = { maxWidth: 760, margin: '24px auto' };

function About({ info }: { info: ExpertInvitationInfo }) {
  const { t } = useI18n();
  return (
    <Descriptions
      column={1}
      size="small"
      style={{ marginBottom: 16 }}
      items={[
        { key: 'program', label: t('exi.program'), children: <span data-testid="invitation-program">{info.programName}</span> },
        { key: 'scope', label: t('exi.scope'), children: info.trackName ?? t('ex.wholeProgram') },
        { key: 'expert', label: t('exi.expert'), children: info.expertName },
        { key: 'email', label: t('exi.email'), children: info.email },
      ]}
    />
  );
}

/** What the expert answered: accepted (with the declared 回避) or declined. */
function Answered({ r }: { r: MyExpertInvitation }) {
  const { t } = useI18n();
  const accepted = r.status === 'accepted';
  return (
    <Card style={cardStyle} data-testid="invitation-done" data-status={r.status}>
      <Result
        status={accepted ? 'success' : 'info'}
        title={accepted ? t('exi.acceptedTitle', { program: r.programName }) : t('exi.declinedTitle', { program: r.programName })}
        subTitle={accepted ? t('exi.acceptedText') : t('exi.declinedText')}
        extra={accepted && <Link to="/expert"><Button type="primary" data-testid="invitation-to-area">{t('exi.toArea')}</Button></Link>}
      />
      {accepted && r.conflicts.length > 0 && (
        <List
          size="small"
          header={t('exi.declared', { n: r.conflicts.length })}
          dataSource={r.conflicts}
          data-testid="invitation-declared"
          renderItem={(c) => (
            <List.Item>
              <Space wrap><Tag color="orange">{c.orgName ?? c.applicationId}</Tag><span>{c.reason}</span></Space>
            </List.Item>
          )}
        />
      )}
    </Card>
  );
}

/** /expert/invitation?token= — the emailed link: the program, then (signed in with the invited address) accept or decline. */
export default function ExpertInvitationPage() {
  const { t, pick } = useI18n();
  const { user, refresh, logout } = useSession();
  const location = useLocation();
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const [load, reload] = useLoad(() => (token ? expertInvitationsApi.info(token) : Promise.resolve(null)), [token]);
  const [done, setDone] = useState<MyExpertInvitation | null>(null);

  if (done) return <Answered r={done} />;
  if (!token) {
    return <Card style={cardStyle}><Alert type="error" showIcon title={t('exi.noToken')} data-testid="invitation-no-token" /></Card>;
  }
  if (load.state === 'loading') return <Card style={cardStyle}><Skeleton active paragraph={{ rows: 6 }} /></Card>;
  if (load.state === 'error' || !load.data) {
    return <Card style={cardStyle}><ApiErrorAlert error={load.state === 'error' ? load.error : null} title={t('exi.invalid')} onRetry={reload} /></Card>;
  }
  const info = load.data;
  const sameAddress = !!user && user.email.toLowerCase() === info.email.toLowerCase();

  const body = () => {
    if (info.status !== 'invited') {
      return <Alert type="info" showIcon title={t('exi.answered', { status: pick(programExpertStatusNames[info.status]) })} data-testid="invitation-answered" data-status={info.status} />;
    }
    if (!user) {
      return (
        <Space orientation="vertical" style={{ width: '100%' }}>
          <Alert type="info" showIcon title={t(info.hasAccount ? 'exi.signInAs' : 'exi.registerAs', { email: info.email })} />
          <Space wrap>
            <Link to="/login" state={{ from: location }}>
              <Button type={info.hasAccount ? 'primary' : 'default'} data-testid="invitation-sign-in">{t('exi.signIn')}</Button>
            </Link>
            <Link to="/register" state={{ from: location }}>
              <Button type={info.hasAccount ? 'default' : 'primary'} data-testid="invitation-register">{t('exi.register')}</Button>
            </Link>
          </Space>
        </Space>
      );
    }
    if (!sameAddress) {
      return (
        <Alert
          type="warning"
          showIcon
          data-testid="invitation-other-account"
          title={t('exi.otherAccount', { me: user.email, email: info.email })}
          action={<Button onClick={() => void logout()} data-testid="invitation-logout">{t('exi.switchAccount')}</Button>}
        />
      );
    }
    const answered = async (r: MyExpertInvitation) => {
      // Accepting grants the expert role on the program: read the session again so the menu shows 评审任务.
      if (r.status === 'accepted') await refresh();
      setDone(r);
    };
    return (
      <InvitationAcceptForm
        token={token}
        onAccepted={(r) => void answered(r)}
        decline={<InvitationDecline token={token} onDeclined={(r) => void answered(r)} />}
      />
    );
  };

  return (
    <Card style={cardStyle} data-testid="expert-invitation" data-status={info.status}>
      <Typography.Title level={3}>{t('exi.title')}</Typography.Title>
      <Typography.Paragraph type="secondary">{t('exi.text', { name: info.expertName })}</Typography.Paragraph>
      <About info={info} />
      {body()}
    </Card>
  );
}

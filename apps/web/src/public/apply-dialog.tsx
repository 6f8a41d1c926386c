import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { Alert, Button, Divider, Empty, Modal, Radio, Skeleton, Space, Typography } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import { applicationsApi, organizationsApi, type Organization } from '../api/applications.api.ts';
import { isApiError } from '../api/client.ts';
import type { ProgramDetail } from '../api/programs.api.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { OrganizationForm } from '../applicant/organization-form.tsx';
import { ApiErrorAlert, useErrorText } from '../shell/api-error.tsx';
import { useLoad } from '../shell/use-load.ts';

type Track = ProgramDetail['definition']['tracks'][number];

/**
 * 在线申报: pick (or register) the applying organization, create the draft, open its form. Arriving
 * through a recommending unit's link, `inviteToken` names that unit on the new draft.
 */
export function ApplyDialog({ program, track, onClose, inviteToken }: { program: ProgramDetail; track: Track; onClose: () => void; inviteToken?: string }) {
  const { t } = useI18n();
  const navigate = useNavigate();
  const text = useErrorText();
  const [orgs, reload, setOrgs] = useLoad(() => organizationsApi.mine().then((r) => r.organizations), []);
  const [chosen, setChosen] = useState<string | null>(null);
  const [adding, setAdding] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  const list = orgs.state === 'ok' ? orgs.data : [];
  const selected = chosen ?? (list.length === 1 ? list[0].id : null);

  const onCreated = (org: Organization) => {
    setOrgs([...list, org]);
    setChosen(org.id);
    setAdding(false);
  };

  const create = async () => {
    if (!selected) return;
    setBusy(true);
    setError(null);
    try {
      const app = await applicationsApi.create({ programId: program.id, trackId: track.id, organizationId: selected, ...(inviteToken ? { inviteToken } : {}) });
      navigate(`/applications/${app.id}`);
    } catch (e) {
      setError(e);
      setBusy(false);
    }
  };

  // The organization already applied on this track: offer its application instead of a duplicate.
  const existing = isApiError(error) && error.code === 'CONFLICT' && typeof error.details.applicationId === 'string' ? error.details.applicationId : null;

  return (
    <Modal
      open
      title={t('apply.title', { track: track.name })}
      onCancel={onClose}
      width={640}
      destroyOnHidden
      footer={
        adding
          ? null
          : [
              <Button key="cancel" onClick={onClose}>
                {t('apply.cancel')}
              </Button>,
              <Button key="ok" type="primary" disabled={!selected} loading={busy} onClick={() => void create()} data-testid="apply-create">
                {t('apply.create')}
              </Button>,
            ]
      }
    >
      <Typography.Paragraph type="secondary">{t('apply.intro')}</Typography.Paragraph>
      {orgs.state === 'loading' && <Skeleton active paragraph={{ rows: 2 }} />}
      {orgs.state === 'error' && <ApiErrorAlert error={orgs.error} title={t('apply.orgsFailed')} onRetry={reload} />}
      {orgs.state === 'ok' && !adding && (
        <>
          {list.length === 0 ? (
            <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('apply.noOrgs')} />
          ) : (
            <Radio.Group value={selected} onChange={(e) => setChosen(String(e.target.value))} data-testid="apply-orgs" style={{ width: '100%' }}>
              <Space orientation="vertical" style={{ width: '100%' }}>
                {list.map((o) => (
                  <Radio key={o.id} value={o.id} data-testid={`apply-org-${o.creditCode}`}>
                    <span className="lv-org-name">{o.name}</span> <Typography.Text type="secondary" className="lv-mono">{o.creditCode}</Typography.Text>
                  </Radio>
                ))}
              </Space>
            </Radio.Group>
          )}
          <Divider style={{ margin: '16px 0' }} />
          <Button icon={<PlusOutlined />} onClick={() => setAdding(true)} data-testid="apply-add-org">
            {t('apply.addOrg')}
          </Button>
        </>
      )}
      {adding && (
        <>
          <OrganizationForm onCreated={onCreated} submitLabel={t('apply.saveOrg')} />
          <Button type="link" onClick={() => setAdding(false)} style={{ paddingLeft: 0, marginTop: 8 }}>
            {t('apply.backToList')}
          </Button>
        </>
      )}
      {error !== null && (
        <Alert
          type={existing ? 'warning' : 'error'}
          showIcon
          style={{ marginTop: 16 }}
          data-testid="apply-error"
          title={existing ? t('apply.exists') : text(error)}
          action={
            existing && (
              <Button size="small" type="primary" onClick={() => navigate(`/applications/${existing}`)} data-testid="apply-open-existing">
                {t('apply.openExisting')}
              </Button>
            )
          }
        />
      )}
    </Modal>
  );
}

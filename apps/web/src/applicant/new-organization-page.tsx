import { App, Card, Typography } from 'antd';
import { useNavigate, useSearchParams } from 'react-router-dom';
import { useI18n } from '../i18n/i18n.tsx';
import { OrganizationForm } from './organization-form.tsx';
import '../i18n/work.ts';

/** /my/organizations/new — register an organization, then go back where the person came from. */
export default function NewOrganizationPage() {
  const { t } = useI18n();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const back = params.get('back');
  return (
    <Card className="lv-narrow-card" data-testid="new-organization">
      <Typography.Title level={3} style={{ marginTop: 0 }}>
        {t('org.title')}
      </Typography.Title>
      <Typography.Paragraph type="secondary">{t('org.intro')}</Typography.Paragraph>
      <OrganizationForm
        onCreated={(org) => {
          message.success(t('org.created', { name: org.name }));
          // Only a path inside this app, never an address elsewhere.
          navigate(back && back.startsWith('/') && !back.startsWith('//') ? back : '/my/applications');
        }}
      />
    </Card>
  );
}

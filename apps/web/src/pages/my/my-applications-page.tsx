import { Link } from 'react-router-dom';
import { Button, Card, Empty, Typography } from 'antd';
import { useI18n } from '../../i18n/i18n.tsx';

// Placeholder until the applicant area lands: it says plainly what will be here.
export default function MyApplicationsPage() {
  const { t } = useI18n();
  return (
    <Card data-testid="my-applications">
      <Typography.Title level={3} style={{ marginTop: 0 }}>
        {t('nav.myApplications')}
      </Typography.Title>
      <Empty description={t('area.myApplicationsText')}>
        <Link to="/">
          <Button type="primary">{t('area.backHome')}</Button>
        </Link>
      </Empty>
    </Card>
  );
}

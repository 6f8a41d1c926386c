import { Link } from 'react-router-dom';
import { Button, Result } from 'antd';
import { useI18n } from '../i18n/i18n.tsx';

export default function NotFoundPage() {
  const { t } = useI18n();
  return (
    <Result
      status="404"
      title={t('notFound.title')}
      subTitle={t('notFound.text')}
      data-testid="not-found"
      extra={
        <Link to="/">
          <Button type="primary">{t('area.backHome')}</Button>
        </Link>
      }
    />
  );
}

import { Button, Result } from 'antd';
import { Link } from 'react-router-dom';
import { useI18n } from '../i18n/i18n.tsx';

// Its own chunk (guards.tsx loads it when needed): antd's Result carries three large SVG
// illustrations that no page a visitor lands on should pay for.
export default function Forbidden() {
  const { t } = useI18n();
  return (
    <Result
      status="403"
      title={t('area.forbiddenTitle')}
      subTitle={t('area.forbiddenText')}
      extra={
        <Link to="/">
          <Button type="primary">{t('area.backHome')}</Button>
        </Link>
      }
    />
  );
}

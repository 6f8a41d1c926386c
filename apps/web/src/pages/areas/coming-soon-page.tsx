import { Link } from 'react-router-dom';
import { Button, Card, Result } from 'antd';
import { ClockCircleOutlined } from '@ant-design/icons';
import { useI18n } from '../../i18n/i18n.tsx';
import { areaByKey, type AreaKey } from '../../shell/areas.ts';

/** An honest stand-in for a role's work area that is not built yet. */
export default function ComingSoonPage({ area }: { area: AreaKey }) {
  const { t } = useI18n();
  return (
    <Card data-testid={`area-${area}`}>
      <Result
        icon={<ClockCircleOutlined style={{ color: '#1f8f4e' }} />}
        title={t('area.comingSoonTitle', { area: t(areaByKey(area).label) })}
        subTitle={t('area.comingSoonText')}
        extra={
          <Link to="/">
            <Button type="primary">{t('area.backHome')}</Button>
          </Link>
        }
      />
    </Card>
  );
}

import { Card, Descriptions, Space, Tag, Typography } from 'antd';
import { applicationStatusNames } from '@lvping/domain/application/application-api.schema.ts';
import type { ScreeningView } from '../api/screening.api.ts';
import { useRegions } from '../form-renderer/reference.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { formatDateTime, formatEnd } from '../shell/shanghai.ts';
import { applicationStatusColor } from '../shell/status.ts';

/** Which application is being screened: number, organization, track, status, version and deadline. */
export function ScreeningSummary({ view }: { view: ScreeningView }) {
  const { t, pick } = useI18n();
  const regions = useRegions();
  return (
    <Card className="lv-block" data-testid="screening-summary">
      <Space wrap align="center" style={{ justifyContent: 'space-between', width: '100%' }}>
        <Typography.Title level={3} style={{ margin: 0 }}>
          {t('sc.title', { number: view.number })}
        </Typography.Title>
        <Tag color={applicationStatusColor[view.status]} data-testid="screening-status" data-status={view.status}>
          {pick(applicationStatusNames[view.status])}
        </Tag>
      </Space>
      <Descriptions
        size="small"
        column={{ xs: 1, sm: 2, lg: 3 }}
        style={{ marginTop: 12 }}
        items={[
          { key: 'org', label: t('appl.organization'), children: <span>{view.organizationName} <Typography.Text type="secondary" className="lv-mono">{view.creditCode}</Typography.Text></span> },
          { key: 'track', label: t('orgz.track'), children: view.trackName },
          { key: 'region', label: t('orgz.region'), children: regions?.formatRegion(view.regionCode) ?? view.regionCode },
          { key: 'submitted', label: t('sc.submittedAt'), children: view.submittedAt ? formatDateTime(view.submittedAt) : '—' },
          { key: 'deadline', label: t('sc.deadline'), children: formatEnd(view.deadline) },
          { key: 'version', label: t('sc.versions'), children: <span data-testid="screening-version">{t('sc.version', { n: view.versionNo, total: view.versionCount })}</span> },
        ]}
      />
    </Card>
  );
}

import type { ReactNode } from 'react';
import { Card, Descriptions, Space, Typography } from 'antd';
import { Link } from 'react-router-dom';
import type { ApplicationDetail } from '@lvping/domain/application/application-api.schema.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { textIn, userText } from '../i18n/text-in.tsx';
import { formatEnd } from '../shell/shanghai.ts';
import { ApplicationStatusTag } from './status-tag.tsx';

/** Which application this is: number, program and track, the organization, its status and deadline. */
export function ApplicationHeader({ detail, extra }: { detail: ApplicationDetail; extra?: ReactNode }) {
  const { lang, t } = useI18n();
  return (
    <Card className="lv-app-header" data-testid="application-header">
      <Space wrap align="center" style={{ justifyContent: 'space-between', width: '100%' }}>
        <div>
          <Typography.Title level={3} style={{ margin: 0 }}>
            {textIn(lang, detail.form.title, detail.form.titleEn)}
          </Typography.Title>
          <Typography.Text type="secondary">
            <Link to={`/programs/${detail.programSlug}`}>{textIn(lang, detail.programName, detail.programNameEn)}</Link> · {textIn(lang, detail.trackName, detail.trackNameEn)}
          </Typography.Text>
        </div>
        <Space wrap>{extra}</Space>
      </Space>
      <Descriptions
        size="small"
        column={{ xs: 1, sm: 2, lg: 4 }}
        style={{ marginTop: 12 }}
        items={[
          { key: 'number', label: t('appl.number'), children: <span className="lv-mono" data-testid="application-number">{detail.number}</span> },
          { key: 'org', label: t('appl.organization'), children: userText(lang, detail.organization.name) },
          {
            key: 'status',
            label: t('appl.status'),
            children: (
              <ApplicationStatusTag detail={detail} />
            ),
          },
          { key: 'deadline', label: t('appl.deadline'), children: <span data-testid="application-deadline">{formatEnd(detail.deadline)}</span> },
        ]}
      />
    </Card>
  );
}

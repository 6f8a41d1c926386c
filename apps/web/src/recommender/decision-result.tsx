import { Alert, Descriptions, Typography } from 'antd';
import { PaperClipOutlined } from '@ant-design/icons';
import { recommenderApi, type Nomination } from '../api/recommendation.api.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { formatDateTime } from '../shell/shanghai.ts';

/** The unit's decision once taken: the opinion and stamped page, or the reason it declined. */
export function DecisionResult({ applicationId, nomination: n }: { applicationId: string; nomination: Nomination }) {
  const { t } = useI18n();
  const endorsed = n.status === 'endorsed';
  const who = n.decidedAt ? t('rec.decidedBy', { name: n.decidedByName ?? '—', time: formatDateTime(n.decidedAt) }) : undefined;
  return (
    <Alert
      type={endorsed ? 'success' : 'warning'}
      showIcon
      className="lv-decision-alert"
      data-testid="decision-result"
      data-status={n.status}
      title={t(endorsed ? 'rec.nom.endorsed' : 'rec.nom.declined')}
      description={
        <Descriptions
          size="small"
          column={1}
          items={[
            ...(endorsed
              ? [
                  { key: 'opinion', label: t('rec.opinion'), children: <span style={{ whiteSpace: 'pre-wrap' }}>{n.opinion}</span> },
                  {
                    key: 'stamp',
                    label: t('rec.stamped'),
                    children: n.stampedFile ? (
                      <a href={recommenderApi.fileHref(applicationId, n.stampedFile.id)} target="_blank" rel="noreferrer">
                        <PaperClipOutlined /> {n.stampedFile.name}
                      </a>
                    ) : (
                      '—'
                    ),
                  },
                ]
              : [{ key: 'reason', label: t('rec.declineReason'), children: <span style={{ whiteSpace: 'pre-wrap' }}>{n.reason}</span> }]),
            ...(who ? [{ key: 'who', label: '', children: <Typography.Text type="secondary">{who}</Typography.Text> }] : []),
          ]}
        />
      }
    />
  );
}

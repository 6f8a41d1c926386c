import { useState } from 'react';
import { Link } from 'react-router-dom';
import { Button, Card, Typography } from 'antd';
import { DownloadOutlined } from '@ant-design/icons';
import type { ApplicationDetail } from '../api/applications.api.ts';
import { publicationApi } from '../api/publication.api.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { ApiErrorAlert } from '../shell/api-error.tsx';
import { useLoad } from '../shell/use-load.ts';
import '../i18n/publication.ts';

/** Once the results are published: this application's own result, its certificate and where to verify it. */
export function ResultCard({ detail }: { detail: Pick<ApplicationDetail, 'id' | 'status'> }) {
  const { t, lang } = useI18n();
  const decided = detail.status === 'awarded' || detail.status === 'not_awarded';
  const [load] = useLoad(() => (decided ? publicationApi.myResult(detail.id) : Promise.resolve(null)), [detail.id, decided]);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const r = load.state === 'ok' ? load.data : null;
  if (!r?.published) return null;
  const en = lang === 'en';
  const track = en && r.trackNameEn ? r.trackNameEn : r.trackName;
  const download = async () => {
    setBusy(true);
    setError(null);
    try {
      await publicationApi.downloadMyCertificate(r.applicationId, r.certificate!.serial);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Card size="small" className="lv-block" title={t('pub.myResult')} data-testid="result-card" data-tier={r.tier?.id ?? ''}>
      {r.tier ? (
        <Typography.Title level={4} style={{ marginTop: 0 }} data-testid="result-tier">
          {t('pub.awarded', { track, tier: en && r.tier.nameEn ? r.tier.nameEn : r.tier.name })}
        </Typography.Title>
      ) : (
        <Typography.Paragraph data-testid="result-none">{t('pub.notAwarded')}</Typography.Paragraph>
      )}
      {r.certificate && (
        <>
          <Typography.Paragraph>
            {t('pub.serialLine', { serial: '' })}<Typography.Text code data-testid="result-serial">{r.certificate.serial}</Typography.Text>
          </Typography.Paragraph>
          <div style={{ display: 'flex', flexWrap: 'wrap', gap: 8 }}>
            <Button type="primary" icon={<DownloadOutlined />} loading={busy} onClick={download} data-testid="result-download">{t('pub.downloadCert')}</Button>
            <Link to={`/verify/${encodeURIComponent(r.certificate.serial)}`} data-testid="result-verify"><Button>{t('pub.verifyCert')}</Button></Link>
            <Link to={`/programs/${r.programSlug}/results`} data-testid="result-public"><Button type="link">{t('pub.viewResults')}</Button></Link>
          </div>
        </>
      )}
      {error !== null && <ApiErrorAlert error={error} />}
    </Card>
  );
}

import { useState, type FormEvent } from 'react';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { Skeleton } from 'antd';
import { formatShanghai } from '@lvping/domain/program/shanghai-time.ts';
import { publicationApi, type CertificateVerification } from '../api/publication.api.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { ApiErrorAlert } from '../shell/api-error.tsx';
import { useLoad } from '../shell/use-load.ts';
import './results.css';
import '../i18n/publication.ts';

type Named = { name: string; nameEn: string | null };

/** /verify and /verify/:serial — is this certificate real? Valid, revoked (when and why) or unknown; no sign-in. */
export default function VerifyPage() {
  const { serial = '' } = useParams();
  const { t } = useI18n();
  const navigate = useNavigate();
  const [typed, setTyped] = useState(serial);
  const [load, reload] = useLoad(() => (serial ? publicationApi.verify(serial) : Promise.resolve(null)), [serial]);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const s = typed.trim();
    if (s) navigate(`/verify/${encodeURIComponent(s)}`);
  };
  return (
    <div className="lv-verify lv-results" data-testid="verify-page">
      <h1>{t('pub.verify')}</h1>
      <p className="lv-results-meta">{t('pub.verifyIntro')}</p>
      <form onSubmit={submit}>
        <input aria-label={t('pub.serial')} placeholder={t('pub.serial')} value={typed} maxLength={120} onChange={(e) => setTyped(e.target.value)} data-testid="verify-input" autoCapitalize="characters" />
        <button type="submit" data-testid="verify-submit">{t('pub.check')}</button>
      </form>
      {load.state === 'loading' && <Skeleton active paragraph={{ rows: 4 }} />}
      {load.state === 'error' && <ApiErrorAlert error={load.error} onRetry={() => reload()} />}
      {load.state === 'ok' && load.data && <Verdict v={load.data} />}
    </div>
  );
}

function Verdict({ v }: { v: CertificateVerification }) {
  const { t, lang } = useI18n();
  const en = lang === 'en';
  const nm = (x: Named) => (en && x.nameEn ? x.nameEn : x.name);
  const c = v.certificate;
  const title = v.status === 'valid' ? t('pub.valid') : v.status === 'revoked' ? t('pub.revoked') : t('pub.unknown');
  return (
    <section className="lv-verify-box" data-testid="verify-status" data-status={v.status} role="status">
      <h2>{v.status === 'valid' ? '✓ ' : v.status === 'revoked' ? '✕ ' : '? '}{title}</h2>
      {v.status === 'unknown' && <p data-testid="verify-unknown">{t(v.wellFormed ? 'pub.unknownText' : 'pub.malformed', { serial: v.serial })}</p>}
      {v.status === 'revoked' && (
        <p data-testid="verify-revoked">
          {t('pub.revokedText', { date: formatShanghai(v.revokedAt!, false), reason: v.revokeReason ?? '' })}
          {v.replacedBy && <> <Link to={`/verify/${encodeURIComponent(v.replacedBy)}`} data-testid="verify-replaced-by">{t('pub.replacedBy', { serial: v.replacedBy })}</Link></>}
        </p>
      )}
      {c && (
        <dl>
          <dt>{t('pub.serial')}</dt><dd className="lv-serial" data-testid="verify-serial">{v.serial}</dd>
          <dt>{t('pub.certTitle')}</dt><dd>{en && c.titleEn ? c.titleEn : c.title}</dd>
          <dt>{t('pub.organization')}</dt><dd data-testid="verify-organization">{c.organization}</dd>
          {c.project && <><dt>{t('pub.project')}</dt><dd data-testid="verify-project">{c.project}</dd></>}
          <dt>{t('pub.program')}</dt><dd><Link to={`/programs/${c.programSlug}/results`} data-testid="verify-program">{nm({ name: c.programName, nameEn: c.programNameEn })}</Link></dd>
          {c.trackName && <><dt>{t('pub.track')}</dt><dd data-testid="verify-track">{nm({ name: c.trackName, nameEn: c.trackNameEn })}</dd></>}
          <dt>{t('pub.tier')}</dt><dd data-testid="verify-tier">{nm({ name: c.tierName, nameEn: c.tierNameEn })}</dd>
          <dt>{t('pub.issuedAt')}</dt><dd data-testid="verify-date">{formatShanghai(c.issuedAt, false)}</dd>
        </dl>
      )}
    </section>
  );
}

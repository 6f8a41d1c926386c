import { Link, useParams } from 'react-router-dom';
import { Skeleton } from 'antd';
import { publicationApi, type PublicResults } from '../api/publication.api.ts';
import { formatShanghai } from '@lvping/domain/program/shanghai-time.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { ApiErrorPage } from '../shell/api-error.tsx';
import { useLoad } from '../shell/use-load.ts';
import { ResultsCorrections, ResultsTrack } from './results-parts.tsx';
import './results.css';
import '../i18n/publication.ts';

type Named = { name: string; nameEn: string | null };

/** /programs/:slug/results and /programs/:slug/results/:trackId — the published results, no sign-in, light enough for a phone. */
export default function ResultsPage() {
  const { slug = '', trackId } = useParams();
  const [load, reload] = useLoad(() => publicationApi.results(slug, trackId), [slug, trackId]);
  // The track links come from the whole program's results (one small request, cached by the server for a minute).
  const [all] = useLoad(() => (trackId ? publicationApi.results(slug) : Promise.resolve(null)), [slug, !!trackId]);
  if (load.state === 'loading') return <Skeleton active paragraph={{ rows: 8 }} />;
  if (load.state === 'error') return <ApiErrorPage error={load.error} onRetry={() => reload()} />;
  const tracks = trackId ? (all.state === 'ok' && all.data ? all.data.tracks : load.data.tracks) : load.data.tracks;
  return <Results data={load.data} slug={slug} trackId={trackId ?? null} tracks={tracks} />;
}

function Results({ data, slug, trackId, tracks }: { data: PublicResults; slug: string; trackId: string | null; tracks: PublicResults['tracks'] }) {
  const { t, lang } = useI18n();
  const nm = (x: Named) => (lang === 'en' && x.nameEn ? x.nameEn : x.name);
  const p = data.program;
  const date = formatShanghai(data.publishedAt, false);
  return (
    <article className="lv-results" data-testid="results-page" data-track={trackId ?? ''}>
      <p className="lv-results-meta"><Link to={`/programs/${slug}`}>{nm(p)}</Link></p>
      <h1 data-testid="results-title">{nm(p)} · {t('pub.results')}</h1>
      <p className="lv-results-meta">{t('pub.publishedOn', { date })} · {t('pub.organizers', { names: p.organizers.join('、') })}</p>
      {tracks.length > 1 && (
        <nav aria-label={t('pub.tracks')}>
          <ul className="lv-results-nav">
            <li><Link to={`/programs/${slug}/results`} aria-current={trackId ? undefined : 'page'} data-testid="results-nav-all">{t('pub.allTracks')}</Link></li>
            {tracks.map((tr) => (
              <li key={tr.id}><Link to={`/programs/${slug}/results/${tr.id}`} aria-current={trackId === tr.id ? 'page' : undefined} data-testid={`results-nav-${tr.id}`}>{nm(tr)}</Link></li>
            ))}
          </ul>
        </nav>
      )}
      {data.tracks.map((tr) => <ResultsTrack key={tr.id} track={tr} slug={slug} linked={!trackId} />)}
      {data.programAwards.length > 0 && (
        <section data-testid="results-program-awards">
          <h2>{t('pub.programAwards')}</h2>
          {data.programAwards.map((a) => (
            <div key={a.id} data-testid={`program-award-${a.id}`}>
              <h3>{nm(a)}</h3>
              <ol>{a.winners.map((w) => <li key={w} data-testid="program-award-winner">{w}</li>)}</ol>
            </div>
          ))}
        </section>
      )}
      <ResultsCorrections corrections={data.corrections} />
      <div className="lv-results-actions">
        <a href={publicationApi.publicXlsxPath(slug)} data-testid="results-xlsx">{t('pub.excel')}</a>
        <Link to="/verify" data-testid="results-verify-link">{t('pub.verifyLink')}</Link>
      </div>
      {data.auditAnchor && (
        <p className="lv-results-meta lv-results-anchor" data-testid="results-audit-anchor" title={t('pub.auditAnchorHint', { hash: data.auditAnchor.hash })}>
          {t('pub.auditAnchor', { seq: String(data.auditAnchor.seq), hash: data.auditAnchor.hash.slice(0, 16) })}
        </p>
      )}
    </article>
  );
}

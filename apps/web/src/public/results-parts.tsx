import { Link } from 'react-router-dom';
import type { PublicResults } from '../api/publication.api.ts';
import { formatShanghai } from '@lvping/domain/program/shanghai-time.ts';
import { useI18n } from '../i18n/i18n.tsx';

type Named = { name: string; nameEn: string | null };
const day = (ms: number) => formatShanghai(ms, false);

/** One track: its tiers in the definition's order, each with its winners (project, organization, unit). */
export function ResultsTrack({ track, slug, linked }: { track: PublicResults['tracks'][number]; slug: string; linked: boolean }) {
  const { t, lang } = useI18n();
  const nm = (x: Named) => (lang === 'en' && x.nameEn ? x.nameEn : x.name);
  return (
    <section data-testid={`results-track-${track.id}`}>
      <h2>{linked ? <Link to={`/programs/${slug}/results/${track.id}`}>{nm(track)}</Link> : nm(track)}</h2>
      {!track.tiers.length && <p className="lv-results-empty">{t('pub.noWinners')}</p>}
      {track.tiers.map((tier) => (
        <div key={tier.id} data-testid={`results-tier-${track.id}-${tier.id}`}>
          <h3>{nm(tier)} <small className="lv-results-empty">{t('pub.entries', { n: tier.entries.length })}</small></h3>
          <ol>
            {tier.entries.map((e, i) => (
              <li key={`${e.organization}-${i}`} data-testid="results-entry">
                <span className="lv-results-title">{e.title}</span> <span className="lv-results-org">{e.organization}</span>
                {e.unit && <span className="lv-results-unit">{t('pub.unit', { unit: e.unit })}</span>}
              </li>
            ))}
          </ol>
        </div>
      ))}
    </section>
  );
}

/** Changes after publication, each with its date and reason. */
export function ResultsCorrections({ corrections }: { corrections: PublicResults['corrections'] }) {
  const { t, lang } = useI18n();
  if (!corrections.length) return null;
  const nm = (x: Named | null) => (x ? (lang === 'en' && x.nameEn ? x.nameEn : x.name) : t('pub.none'));
  return (
    <section className="lv-results-corrections" data-testid="results-corrections">
      <h2>{t('pub.corrections')}</h2>
      {corrections.map((c, i) => (
        <p key={i} data-testid="results-correction" data-at={c.at}>
          {t('pub.correction', { date: day(c.at), title: c.title, organization: c.organization, from: nm(c.from), to: nm(c.to), reason: c.reason })}
        </p>
      ))}
    </section>
  );
}

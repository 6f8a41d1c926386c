import { Link } from 'react-router-dom';
import { formatShanghai } from '@lvping/domain/program/shanghai-time.ts';
import { publicationApi } from '../api/publication.api.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { useLoad } from '../shell/use-load.ts';
import '../i18n/publication.ts';

/** On the call page, once the results are out: a link to them (nothing before). */
export function ResultsLink({ slug }: { slug: string }) {
  const { t } = useI18n();
  const [load] = useLoad(() => publicationApi.status(slug).catch(() => ({ published: false, publishedAt: null })), [slug]);
  if (load.state !== 'ok' || !load.data.published) return null;
  return (
    <div className="lv-deadline" style={{ color: '#1f8f4e', background: '#f0faf3', borderColor: '#95d5ad' }} data-testid="results-published">
      {t('pub.resultsOut', { date: formatShanghai(load.data.publishedAt!, false) })}
      <Link to={`/programs/${slug}/results`} data-testid="results-link">{t('pub.viewResults')}</Link>
    </div>
  );
}

import { Link } from 'react-router-dom';
import { Alert } from 'antd';
import { publicityApi } from '../api/publicity.api.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { formatEnd } from '../shell/shanghai.ts';
import { useLoad } from '../shell/use-load.ts';
import '../i18n/publicity.ts';

/** On the call page: a link to the program's 公示 when one exists (the current one's end named). */
export function PublicityLink({ slug }: { slug: string }) {
  const { t } = useI18n();
  const [load] = useLoad(() => publicityApi.ofProgram(slug).catch(() => null), [slug]);
  const p = load.state === 'ok' ? load.data?.publicities[0] : undefined;
  if (!p) return null;
  return (
    <Alert type={p.state === 'open' ? 'warning' : 'info'} showIcon className="lv-block" data-testid="publicity-link"
      title={<Link to={`/programs/${slug}/publicity`}>{p.title} · {t(`pub.state.${p.state}`)} — {t('pub.linkFromProgram')}</Link>}
      description={p.state === 'open' ? t('pub.endsAt', { end: formatEnd(p.endsAt) }) : undefined} />
  );
}

import { lazy, Suspense } from 'react';
import { Link, useParams } from 'react-router-dom';
import { Empty, Skeleton, Space, Typography } from 'antd';
import { publicityApi } from '../api/publicity.api.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { ApiErrorPage } from '../shell/api-error.tsx';
import { useLoad } from '../shell/use-load.ts';
import { PublicityNotice } from './publicity-list.tsx';
import '../i18n/publicity.ts';

// The objection form (antd Form, Upload, Select, the zod schema) follows the list: only an open
// 公示 shows it, and the list reads without it.
const ObjectionForm = lazy(() => import('./objection-form.tsx').then((m) => ({ default: m.ObjectionForm })));

/** /programs/:slug/publicity — every 公示 of the program, the current first, each with its objection form while open. No sign-in. */
export default function PublicityPage() {
  const { slug = '' } = useParams();
  const { t } = useI18n();
  const [load, reload] = useLoad(() => publicityApi.ofProgram(slug), [slug]);
  if (load.state === 'loading') return <Skeleton active paragraph={{ rows: 8 }} />;
  if (load.state === 'error') return <ApiErrorPage error={load.error} onRetry={reload} />;
  const { programName, publicities } = load.data;
  return (
    <div className="lv-call" data-testid="publicity-page">
      <Space direction="vertical" style={{ width: '100%' }}>
        <Typography.Title level={2}>{programName} · {t('pub.pageTitle')}</Typography.Title>
        <Space wrap>
          <Link to={`/programs/${slug}`}>{t('pub.backToProgram')}</Link>
          <Link to="/objections/status" data-testid="status-page-link">{t('pub.statusLink')}</Link>
        </Space>
        {!publicities.length && <Empty description={t('pub.none')} />}
        {publicities.map((p) => (
          <div key={p.id}>
            <PublicityNotice p={p} />
            {p.state === 'open' && <Suspense fallback={null}><ObjectionForm publicity={p} /></Suspense>}
          </div>
        ))}
      </Space>
    </div>
  );
}

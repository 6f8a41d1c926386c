import { Alert, Card, Space, Typography } from 'antd';
import { screeningApi, type Feedback } from '../api/screening.api.ts';
import type { ApplicationDetail } from '../api/applications.api.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { formatDateTime } from '../shell/shanghai.ts';
import { useLoad } from '../shell/use-load.ts';

const kind = { return: 'warning', fail: 'error', pass: 'success' } as const;
const title = { return: 'fb.return', fail: 'fb.fail', pass: 'fb.pass' } as const;

/** The checklist items the screener found wanting, each with the screener's note. */
function FailedChecks({ checks }: { checks: Feedback['items'][number]['failedChecks'] }) {
  const { t, lang } = useI18n();
  return (
    <>
      <Typography.Text strong>{t('fb.failedChecks')}</Typography.Text>
      <ul style={{ margin: 0, paddingLeft: 20 }}>
        {checks.map((c) => (
          <li key={c.id} data-testid="feedback-failed-check" data-item={c.id}>
            {lang === 'en' && c.textEn ? c.textEn : c.text}
            {c.note && <Typography.Text type="secondary">{lang === 'en' ? ': ' : '：'}{c.note}</Typography.Text>}
          </li>
        ))}
      </ul>
    </>
  );
}

/** What screening told the applicant: return comments at once, the reasons of ineligibility once released. */
export function ScreeningFeedback({ detail }: { detail: Pick<ApplicationDetail, 'id' | 'status'> }) {
  const { t, pick } = useI18n();
  const skip = detail.status === 'draft';
  const [load] = useLoad<Feedback | null>(() => (skip ? Promise.resolve(null) : screeningApi.feedback(detail.id)), [detail.id, detail.status]);
  const fb = load.state === 'ok' ? load.data : null;
  // While returned, the editor's own notice shows the latest comments: the card lists the rest,
  // and of the latest return only the checklist items found wanting (the notice has no room for them).
  const latest = fb?.items.at(-1);
  const items = fb
    ? fb.items.flatMap((i) => (detail.status === 'returned' && i === latest && i.outcome === 'return' ? (i.failedChecks.length ? [{ ...i, message: null }] : []) : [i]))
    : [];
  if (!fb || (items.length === 0 && !fb.awaitingRelease)) return null;
  return (
    <Card size="small" title={t('fb.title')} className="lv-block" data-testid="screening-feedback">
      <Space orientation="vertical" style={{ width: '100%' }}>
        {[...items].reverse().map((i) => (
          <Alert
            key={i.versionNo}
            type={kind[i.outcome]}
            showIcon
            data-testid="feedback-item"
            data-outcome={i.outcome}
            title={
              <Space wrap>
                <span>{t(title[i.outcome], { n: i.versionNo })}</span>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>{formatDateTime(i.decidedAt)}</Typography.Text>
              </Space>
            }
            description={
              (i.message || i.failedRules.length > 0 || i.failedChecks.length > 0) && (
                <>
                  {i.message && <div style={{ whiteSpace: 'pre-wrap' }} data-testid="feedback-message">{i.message}</div>}
                  {i.failedChecks.length > 0 && <FailedChecks checks={i.failedChecks} />}
                  {i.failedRules.length > 0 && (
                    <>
                      <Typography.Text strong>{t('fb.failedRules')}</Typography.Text>
                      <ul style={{ margin: 0, paddingLeft: 20 }}>
                        {i.failedRules.map((r, k) => (
                          <li key={k}>{r.reason ? pick(r.reason) : r.description}</li>
                        ))}
                      </ul>
                    </>
                  )}
                </>
              )
            }
          />
        ))}
        {fb.awaitingRelease && <Typography.Text type="secondary" data-testid="feedback-awaiting">{t('fb.awaiting')}</Typography.Text>}
      </Space>
    </Card>
  );
}

import { List, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import type { CommitteeReview, DecisionTrack } from '../api/decisions.api.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { tierLabel } from './decision-shared.tsx';

const color = { approve: 'green', changes: 'purple', comment: 'default' } as const;

/** The committee's verdicts, comments and proposed changes, newest first, per submission. */
export function CommitteeReviews({ reviews, tracks }: { reviews: CommitteeReview[]; tracks: DecisionTrack[] }) {
  const { t, lang } = useI18n();
  const about = (id: string | null) => {
    if (!id) return t('dc.wholeList');
    for (const tr of tracks) {
      const it = tr.items.find((i) => i.applicationId === id);
      if (it) return `${it.number} ${it.title}`;
    }
    return id;
  };
  const tierOf = (r: CommitteeReview) => {
    const tr = tracks.find((x) => x.items.some((i) => i.applicationId === r.applicationId));
    return tr ? tierLabel(tr, r.proposedTierId, lang, t('dc.noTier')) : r.proposedTierId ?? t('dc.noTier');
  };
  if (!reviews.length) return <Typography.Paragraph type="secondary">{t('dc.noComments')}</Typography.Paragraph>;
  return (
    <List size="small" dataSource={[...reviews].reverse()} renderItem={(r) => (
      <List.Item data-testid="committee-review" data-verdict={r.verdict}>
        <List.Item.Meta
          title={<><Tag color={color[r.verdict]}>{t(`dc.verdict.${r.verdict}`)}</Tag>{r.userName} · {t('dc.submission', { n: r.submission })} · {dayjs(r.createdAt).format('YYYY-MM-DD HH:mm')}</>}
          description={<>{about(r.applicationId)}{r.verdict === 'changes' && r.applicationId && <> → <Tag color="purple">{tierOf(r)}</Tag></>}{r.body && <>：{r.body}</>}</>} />
      </List.Item>
    )} />
  );
}

import { Steps, Tag, Tooltip, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { outcomeStatusNames, type OutcomeStatus } from '@lvping/domain/decision/outcome-status.ts';
import type { CommitteeReview, DecisionItem, DecisionTrack } from '../api/decisions.api.ts';
import { useI18n, type Lang } from '../i18n/i18n.tsx';

// What the organizer's 获奖决定 tab and the committee's list share: the outcome's steps, tier
// names, and the ranking columns with their explanation (score ± sd, P(above), why proposed).

const order: OutcomeStatus[] = ['deciding', 'with_committee', 'approved', 'in_publicity', 'published'];

/** deciding → (committee →) approved → 公示 → published; publicity_closed finishes the 公示 step. */
export function DecisionSteps({ status, committee }: { status: OutcomeStatus; committee: boolean }) {
  const { lang, t } = useI18n();
  const steps = order.filter((s) => committee || s !== 'with_committee');
  const at = status === 'publicity_closed' ? steps.indexOf('in_publicity') + 1 : steps.indexOf(status);
  const name = (s: OutcomeStatus) => (s === 'in_publicity' ? t('dc.publicity') : outcomeStatusNames[s][lang]);
  return (
    <Steps size="small" className="lv-block" current={at} status={status === 'published' ? 'finish' : 'process'} data-testid="decision-status" data-status={status}
      items={steps.map((s) => ({ title: name(s) }))} />
  );
}

export const statusName = (s: OutcomeStatus, lang: Lang) => outcomeStatusNames[s][lang];

export function tierLabel(track: DecisionTrack, tierId: string | null, lang: Lang, none: string): string {
  if (tierId === null) return none;
  const tier = track.tiers.find((x) => x.id === tierId);
  return tier ? (lang === 'en' ? tier.nameEn ?? tier.name : tier.name) : tierId;
}

const fixed = (n: number) => n.toFixed(2);

/** Rank, project, applicant, score ± sd, P(above), the proposed tier with why. */
export function useRankingColumns(track: DecisionTrack): ColumnsType<DecisionItem> {
  const { t, lang, pick } = useI18n();
  return [
    { key: 'rank', title: t('dc.rank'), width: 64, render: (_, i) => i.rank ?? <Tag>{t('dc.excluded')}</Tag> },
    {
      key: 'title', title: t('dc.title'), render: (_, i) => (
        <>
          <Typography.Text strong>{i.title}</Typography.Text>
          <br />
          <Typography.Text type="secondary">{i.number}</Typography.Text>
          {i.excludedBy && <Tag color="orange" style={{ marginLeft: 8 }}>{pick(i.excludedBy)}</Tag>}
        </>
      ),
    },
    { key: 'org', title: t('dc.org'), render: (_, i) => <>{i.orgName}{i.unitName && <><br /><Typography.Text type="secondary">{i.unitName}</Typography.Text></>}</> },
    { key: 'score', title: t('dc.score'), width: 130, render: (_, i) => (i.score === null ? '—' : <span data-testid="decision-score">{fixed(i.score)}{i.sd !== null && ` ± ${fixed(i.sd)}`}</span>) },
    { key: 'pAbove', title: t('dc.pAbove'), width: 90, render: (_, i) => (i.pAbove === null ? '—' : `${Math.round(i.pAbove * 100)}%`) },
    {
      key: 'proposed', title: t('dc.proposed'), width: 120, render: (_, i) => {
        const tag = <Tag color={i.proposedTierId ? 'blue' : 'default'} data-testid="decision-proposed">{tierLabel(track, i.proposedTierId, lang, t('dc.noTier'))}</Tag>;
        return i.why ? <Tooltip title={pick(i.why)}>{tag}</Tooltip> : tag;
      },
    },
  ];
}

/** The committee's proposals about one application, latest first. */
export const proposalsFor = (reviews: CommitteeReview[], applicationId: string, submission: number) =>
  reviews.filter((r) => r.verdict === 'changes' && r.applicationId === applicationId && r.submission === submission).reverse();

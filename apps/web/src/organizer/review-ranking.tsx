import { useRef, useState } from 'react';
import { Alert, Card, Empty, Radio, Skeleton, Spin, Tag, Typography } from 'antd';
import { reviewApi, type RankingMethod, type RoundRanking } from '../api/review.api.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { ApiErrorAlert } from '../shell/api-error.tsx';
import { useLoad } from '../shell/use-load.ts';
import { ReviewRankingTrack } from './review-ranking-track.tsx';
import { roundName, type RoundInfo } from './review-rounds-model.ts';

/** 汇总方法: the three methods, each with what it does and how accurate it is; the round's own is marked 默认. */
function MethodSwitch({ ranking, onChange }: { ranking: RoundRanking; onChange: (m: RankingMethod) => void }) {
  const { t, pick } = useI18n();
  return (
    <Card size="small" title={t('rd.method')} className="lv-block">
      <Radio.Group value={ranking.method} onChange={(e) => onChange(e.target.value as RankingMethod)} data-testid="review-method" data-method={ranking.method} style={{ display: 'flex', flexDirection: 'column', gap: 10 }}>
        {ranking.methods.map((m) => (
          <Radio key={m.method} value={m.method} className="lv-method">
            <span data-testid={`review-method-${m.method}`}>
              <Typography.Text strong>{t(`rd.method.${m.method}`)}</Typography.Text>
              {m.method === ranking.defaultMethod && <Tag color="green" style={{ marginLeft: 8 }}>{t('rd.default')}</Tag>}
            </span>
            <Typography.Paragraph type="secondary" className="lv-method-text" data-testid={`review-method-text-${m.method}`}>{pick(m.explanation)}</Typography.Paragraph>
          </Radio>
        ))}
      </Radio.Group>
    </Card>
  );
}

/** 排名 of one round: per track, best first, every result explained; the method can be switched to compare. */
export function ReviewRanking({ programId, round, next }: { programId: string; round: RoundInfo; next: RoundInfo | null }) {
  const { t, pick, lang } = useI18n();
  const [method, setMethod] = useState<RankingMethod | undefined>(undefined);
  const [load, reload] = useLoad(() => reviewApi.ranking(programId, round.id, method), [programId, round.id, method]);
  // While another method is computed, the current ranking stays on screen under a spinner.
  const last = useRef<RoundRanking | null>(null);
  if (load.state === 'ok') last.current = load.data;
  const ranking = load.state === 'ok' ? load.data : last.current;

  if (load.state === 'error') return <ApiErrorAlert error={load.error} title={t('rd.rankingFailed')} onRetry={reload} />;
  if (!ranking) return <Skeleton active paragraph={{ rows: 8 }} />;

  return (
    <Spin spinning={load.state === 'loading'}>
      <div data-testid="review-ranking" data-method={ranking.method} data-busy={load.state === 'loading'}>
        <MethodSwitch ranking={ranking} onChange={setMethod} />
        {ranking.cutRule && next && (
          <Alert type="info" showIcon className="lv-block" data-testid="review-cut-rule"
            title={t('rd.cutRule', { name: roundName(next, lang), rule: pick(ranking.cutRule) })} />
        )}
        {ranking.tracks.length === 0 ? (
          <Empty description={t('rd.noRanked')} />
        ) : (
          ranking.tracks.map((tr) => <ReviewRankingTrack key={tr.trackId} programId={programId} roundId={round.id} ranking={ranking} track={tr} method={ranking.method} />)
        )}
      </div>
    </Spin>
  );
}

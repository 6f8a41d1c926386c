import { useMemo } from 'react';
import { useSearchParams } from 'react-router-dom';
import { Alert, Segmented, Space, Tabs, Tag, Typography } from 'antd';
import { EyeInvisibleOutlined } from '@ant-design/icons';
import type { ProgramDetail } from '../api/programs.api.ts';
import { useI18n, type AnyMessageKey } from '../i18n/i18n.tsx';
import { ReviewAdvance } from './review-advance.tsx';
import { ReviewProgressPanel } from './review-progress.tsx';
import { ReviewRanking } from './review-ranking.tsx';
import { ReviewSchedulePanel } from './review-schedule-panel.tsx';
import { nextRoundOf, roundName, roundsOf, type RoundInfo } from './review-rounds-model.ts';
import './review.css';
import '../i18n/rounds.ts';

const views = ['progress', 'reminders', 'ranking', 'schedule', 'advance'] as const;
type View = (typeof views)[number];

/** The name of a round's kind (线上评审, 现场考察…), or the kind itself when this page does not know it. */
function useKindName(): (kind: string) => string {
  const { t } = useI18n();
  return (kind) => {
    const key = `rd.kind.${kind}` as AnyMessageKey;
    const text = t(key);
    return text === key ? kind : text;
  };
}

export function RoundKindTag({ kind }: { kind: string | null }) {
  const kindName = useKindName();
  if (!kind) return null;
  return <Tag color="geekblue" data-testid="round-kind" data-kind={kind}>{kindName(kind)}</Tag>;
}

export function BlindTag() {
  const { t } = useI18n();
  return <Tag color="purple" icon={<EyeInvisibleOutlined />} data-testid="round-blind">{t('rd.blind')}</Tag>;
}

/** 评审: per round, its progress and reminders, the ranking with every result explained, and who enters the next round. */
export function ReviewTab({ program }: { program: ProgramDetail }) {
  const { t, lang } = useI18n();
  const kindName = useKindName();
  const [params, setParams] = useSearchParams();
  const rounds = useMemo(() => roundsOf(program.definition), [program.definition]);
  const round: RoundInfo | undefined = rounds.find((r) => r.id === params.get('round')) ?? rounds[0];
  const next = round ? nextRoundOf(rounds, round) : null;
  // 安排 (visits, slots, panels) where the round has them: a site visit, a roadshow, or a round timed like one.
  const timed = !!program.definition.review?.rounds.find((r) => r.id === round?.id)?.timing;
  const scheduled = round?.kind === 'site_visit' || round?.kind === 'roadshow' || timed;
  const shown = views.filter((v) => (v !== 'advance' || next) && (v !== 'schedule' || scheduled));
  const view: View = (shown as readonly string[]).includes(params.get('view') ?? '') ? (params.get('view') as View) : 'progress';

  if (!round) return <Alert type="info" showIcon title={t('rd.noRounds')} data-testid="review-no-rounds" />;
  // The round and the section live in the address, so a link (a flag's "add a reviewer") lands on them.
  const go = (next: { round?: string; view?: View }) => {
    const p = new URLSearchParams(params);
    if (next.round !== undefined) p.set('round', next.round);
    if (next.view !== undefined) p.set('view', next.view);
    setParams(p, { replace: true });
  };

  return (
    <div data-testid="review-tab" data-round={round.id}>
      <Space wrap size={[12, 8]} style={{ marginBottom: 12 }}>
        <Typography.Text type="secondary">{t('rd.round')}</Typography.Text>
        <Segmented<string>
          value={round.id}
          onChange={(id) => go({ round: id })}
          options={rounds.map((r) => ({
            value: r.id,
            label: (
              <span data-testid={`review-round-${r.id}`} data-kind={r.kind ?? ''} data-blind={r.blind}>
                {roundName(r, lang)}
                {r.kind && <span className="lv-round-kind">{kindName(r.kind)}</span>}
                {r.blind && <EyeInvisibleOutlined className="lv-round-blind" aria-label={t('rd.blind')} />}
              </span>
            ),
          }))}
          data-testid="review-round"
        />
        <RoundKindTag kind={round.kind} />
        {round.blind && <BlindTag />}
        {next && <Typography.Text type="secondary" data-testid="review-next-round">{t('rd.nextRound', { name: roundName(next, lang) })}</Typography.Text>}
      </Space>
      <Tabs
        key={round.id}
        size="small"
        activeKey={view}
        onChange={(key) => go({ view: key as View })}
        destroyOnHidden
        items={shown.map((v) => ({
          key: v,
          label: <span data-testid={`review-view-${v}`}>{t(`rd.view.${v}`)}</span>,
          children:
            v === 'progress' || v === 'reminders' ? (
              <ReviewProgressPanel programId={program.id} round={round} section={v} />
            ) : v === 'ranking' ? (
              <ReviewRanking programId={program.id} round={round} next={next} />
            ) : v === 'schedule' ? (
              <ReviewSchedulePanel programId={program.id} roundId={round.id} />
            ) : (
              <ReviewAdvance program={program} round={round} next={next!} />
            ),
        }))}
      />
    </div>
  );
}

import type { ReactNode } from 'react';
import { Link } from 'react-router-dom';
import { Alert, Button, Card, Descriptions, List, Space, Table, Tag, Typography } from 'antd';
import { MinusSquareOutlined, PlusSquareOutlined, UserAddOutlined } from '@ant-design/icons';
import type { ColumnsType } from 'antd/es/table';
import type { RankedApplication, RankingMethod, RoundRanking, TrackRanking } from '../api/review.api.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { ReviewExplain } from './review-explain.tsx';
import { fixed, needsReviewer, pagedOver, percent, signed } from './review-rounds-model.ts';

type Expert = TrackRanking['experts'][number];
type Props = { programId: string; roundId: string; ranking: RoundRanking; track: TrackRanking; method: RankingMethod };

/** Warnings to read before trusting the order; an application that needs another reviewer links to 评审分配 of this round. */
function Flags({ programId, roundId, track }: { programId: string; roundId: string; track: TrackRanking }) {
  const { t, pick } = useI18n();
  if (!track.flags.length) return null;
  const assign = `/organizer/programs/${encodeURIComponent(programId)}?tab=assignment&round=${encodeURIComponent(roundId)}`;
  return (
    <Space orientation="vertical" size={6} style={{ display: 'flex', marginBottom: 12 }} data-testid="review-flags">
      {track.flags.map((f, i) => (
        <Alert
          key={i}
          type="warning"
          showIcon
          title={pick(f.message)}
          data-testid="review-flag"
          data-kind={f.kind}
          action={needsReviewer(f) && (
            <Link to={assign} data-testid="review-flag-add-reviewer">
              <Button size="small" icon={<UserAddOutlined />}>{t('rd.addReviewer')}</Button>
            </Link>
          )}
        />
      ))}
    </Space>
  );
}

function ExpertFits({ experts, method }: { experts: Expert[]; method: RankingMethod }) {
  const { t } = useI18n();
  const calibrated = method === 'calibrated';
  return (
    <Table<Expert>
      rowKey="expertId"
      size="small"
      pagination={false}
      dataSource={experts}
      data-testid="review-rank-experts"
      onRow={(e) => ({ 'data-testid': 'review-rank-expert', 'data-name': e.name, 'data-outlier': e.outlier, 'data-offset': e.offset }) as object}
      columns={[
        { key: 'name', title: t('rd.expert'), dataIndex: 'name' },
        { key: 'n', title: t('rd.n'), dataIndex: 'n', width: 90 },
        { key: 'offset', title: t('rd.offset'), width: 110, sorter: (a, b) => a.offset - b.offset, render: (_, e) => (calibrated ? signed(e.offset) : '—') },
        { key: 'scale', title: t('rd.scale'), width: 100, render: (_, e) => (calibrated ? fixed(e.scale) : '—') },
        { key: 'residual', title: t('rd.residualSd'), width: 120, render: (_, e) => fixed(e.residualSd) },
        { key: 'outlier', width: 100, render: (_, e) => e.outlier && <Tag color="volcano" data-testid="review-rank-outlier">{t('rd.outlier')}</Tag> },
      ]}
    />
  );
}

/** A list of applications left out of the ranking, under its title; nothing when there are none. Items are `<testId>-item`. */
function NotRanked<T extends { number: string }>({ title, items, testId, render }: { title: string; items: T[]; testId: string; render: (x: T) => ReactNode }) {
  if (!items.length) return null;
  return (
    <>
      <Typography.Title level={5} style={{ marginTop: 16 }}>{title}</Typography.Title>
      <List
        size="small"
        dataSource={items}
        data-testid={testId}
        renderItem={(x) => (
          <List.Item data-testid={`${testId}-item`} data-number={x.number}>
            {render(x)}
          </List.Item>
        )}
      />
    </>
  );
}

/** One track's ranking, best first, each row expandable into its explanation; then the order's rules, the experts, and what is not ranked. */
export function ReviewRankingTrack({ programId, roundId, ranking, track, method }: Props) {
  const { t, pick } = useI18n();
  const cut = track.cut;
  const columns: ColumnsType<RankedApplication> = [
    { key: 'rank', title: t('rd.rank'), dataIndex: 'rank', width: 64, render: (r: number) => <Typography.Text strong data-testid="review-rank">{r}</Typography.Text> },
    { key: 'number', title: t('rd.number'), dataIndex: 'number', width: 190 },
    {
      key: 'title',
      title: t('rd.title'),
      render: (_, i) => (
        <>
          <div>{i.title}</div>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>{i.orgName}</Typography.Text>
        </>
      ),
    },
    { key: 'score', title: t('rd.score'), width: 140, render: (_, i) => <span data-testid="review-score">{fixed(i.score)}{i.sd !== null && <Typography.Text type="secondary"> ± {fixed(i.sd)}</Typography.Text>}</span> },
    { key: 'n', title: t('rd.n'), dataIndex: 'n', width: 80 },
    { key: 'mean', title: t('rd.mean'), width: 90, render: (_, i) => fixed(i.mean) },
    { key: 'spread', title: t('rd.spread'), width: 100, render: (_, i) => fixed(i.spread) },
    {
      key: 'p',
      title: cut === null ? t('rd.pAboveNone') : t('rd.pAbove', { cut: fixed(cut) }),
      width: 150,
      render: (_, i) => <span data-testid="review-p-above">{percent(i.pAbove)}</span>,
    },
  ];

  return (
    <Card
      size="small"
      title={track.trackName}
      className="lv-block"
      data-testid="review-ranking-track"
      data-track={track.trackId}
      extra={
        <Space size={8} wrap>
          {cut !== null && <Tag color="blue" data-testid="review-cut" data-cut={cut}>{t('rd.cut', { cut: fixed(cut) })}</Tag>}
          {track.components > 1 && <Tag color="orange">{t('rd.components', { n: track.components })}</Tag>}
        </Space>
      }
    >
      <Flags programId={programId} roundId={roundId} track={track} />
      <Table<RankedApplication>
        rowKey="applicationId"
        size="small"
        columns={columns}
        dataSource={track.items}
        pagination={pagedOver(track.items.length, 100)}
        // Fixed: the wide explanation in an expanded row scrolls within it instead of widening the ranking.
        tableLayout="fixed"
        locale={{ emptyText: t('rd.noRanked') }}
        expandable={{
          expandedRowRender: (i) => <ReviewExplain item={i} method={method} />,
          expandIcon: ({ expanded, onExpand, record }) => (
            <Button
              type="text"
              size="small"
              icon={expanded ? <MinusSquareOutlined /> : <PlusSquareOutlined />}
              aria-label={t('rd.explain')}
              onClick={(e) => onExpand(record, e)}
              data-testid="review-rank-expand"
            />
          ),
        }}
        onRow={(i) => ({ 'data-testid': 'review-rank-row', 'data-number': i.number, 'data-rank': i.rank, 'data-score': i.score, 'data-application': i.applicationId }) as object}
        data-testid="review-ranking-table"
      />
      <div className="lv-tiebreak" data-testid="review-tiebreak">
        <Typography.Text type="secondary">{t('rd.tieBreak')}</Typography.Text>
        <ol>{ranking.tieBreak.map((s, i) => <li key={i}>{pick(s)}</li>)}</ol>
      </div>
      {track.experts.length > 0 && (
        <>
          <Typography.Title level={5}>{t('rd.expertFits')}</Typography.Title>
          <ExpertFits experts={track.experts} method={method} />
        </>
      )}
      <NotRanked
        title={t('rd.excluded')}
        items={track.excluded}
        testId="review-excluded"
        render={(x) => (
          <Descriptions
            size="small"
            column={1}
            title={`${x.number} ${x.title}`}
            items={x.reasons.map((r, i) => ({
              key: i,
              label: r.gate,
              children: (
                <Space orientation="vertical" size={0}>
                  <span>{t('rd.failedBy', { n: r.failedBy, of: r.of })}</span>
                  {r.notes.filter(Boolean).map((n, j) => <Typography.Text key={j} type="secondary">{n}</Typography.Text>)}
                </Space>
              ),
            }))}
          />
        )}
      />
      <NotRanked
        title={t('rd.unscored')}
        items={track.unscored}
        testId="review-unscored"
        render={(x) => (
          <Space wrap>
            <Typography.Text strong>{x.number}</Typography.Text>
            <span>{x.title}</span>
            <Typography.Text type="secondary">{t('rd.unscoredCount', { submitted: x.submitted, assigned: x.assigned })}</Typography.Text>
          </Space>
        )}
      />
    </Card>
  );
}

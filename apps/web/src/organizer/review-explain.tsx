import { Space, Table, Tag, Tooltip, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import type { RankedApplication, RankedReview, RankingMethod } from '../api/review.api.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { fixed, signed } from './review-rounds-model.ts';

/** How the final score comes out of the reviews, with the numbers of this application. */
function Formula({ item, method }: { item: RankedApplication; method: RankingMethod }) {
  const { t } = useI18n();
  const kept = item.reviews.filter((r) => !r.dropped);
  const text =
    method === 'calibrated'
      ? t('rd.formula.calibrated', { adjusted: item.reviews.map((r) => fixed(r.adjusted ?? r.total)).join('、'), score: fixed(item.score) })
      : method === 'trimmed' && kept.length < item.reviews.length
        ? t('rd.formula.trimmed', { kept: kept.map((r) => fixed(r.total)).join(' + '), n: kept.length, score: fixed(item.score) })
        : t('rd.formula.mean', { totals: item.reviews.map((r) => fixed(r.total)).join(' + '), n: item.reviews.length, score: fixed(item.score) });
  return <Typography.Paragraph style={{ marginBottom: 8 }} data-testid="review-explain-formula">{text}</Typography.Paragraph>;
}

/**
 * The explanation of one ranked application (the expanded row): every review's total and its
 * weighted criterion parts, what trimmed mean dropped (struck through), each expert's estimated
 * leniency (宽严度) and the score once it is taken out.
 */
export function ReviewExplain({ item, method }: { item: RankedApplication; method: RankingMethod }) {
  const { t } = useI18n();
  const criteria = item.reviews[0]?.parts ?? [];

  const columns: ColumnsType<RankedReview> = [
    { key: 'expert', title: t('rd.expert'), dataIndex: 'expertName', width: 120 },
    {
      key: 'total',
      title: t('rd.reviewTotal'),
      width: 170,
      render: (_, r) => (
        <Space size={4} style={{ whiteSpace: 'nowrap' }}>
          <Typography.Text strong delete={!!r.dropped} data-testid="review-explain-total">{fixed(r.total)}</Typography.Text>
          {r.dropped && <Tag color="default" data-testid="review-explain-dropped">{t(`rd.dropped.${r.dropped}`)}</Tag>}
        </Space>
      ),
    },
    ...criteria.map((c, i) => ({
      key: `c-${c.criterionId}`,
      title: <Tooltip title={t('rd.partHint')}>{`${c.name}（${c.max}）`}</Tooltip>,
      render: (_: unknown, r: RankedReview) => {
        const p = r.parts[i];
        if (!p || p.score === null) return '—';
        const same = p.weighted !== null && Math.abs(p.weighted - p.score) < 1e-9;
        return (
          <span data-testid="review-explain-part">
            {fixed(p.score, 1)}/{p.max}
            {!same && p.weighted !== null && <Typography.Text type="secondary"> → {fixed(p.weighted)}</Typography.Text>}
          </span>
        );
      },
    })),
    {
      key: 'offset',
      title: <Tooltip title={t('rd.offsetHint')}>{t('rd.offset')}</Tooltip>,
      width: 100,
      render: (_, r) => (method === 'calibrated' ? <span data-testid="review-explain-offset">{signed(r.offset)}</span> : '—'),
    },
    { key: 'adjusted', title: t('rd.adjusted'), width: 100, render: (_, r) => (r.adjusted === null ? '—' : <span data-testid="review-explain-adjusted">{fixed(r.adjusted)}</span>) },
    {
      key: 'comment',
      title: t('rd.comment'),
      render: (_, r) => (r.comment ? <Typography.Paragraph ellipsis={{ rows: 2, expandable: true }} style={{ marginBottom: 0 }}>{r.comment}</Typography.Paragraph> : '—'),
    },
  ];

  return (
    <div data-testid="review-explain" data-number={item.number}>
      <Formula item={item} method={method} />
      <Table<RankedReview>
        rowKey="assignmentId"
        size="small"
        pagination={false}
        columns={columns}
        dataSource={item.reviews}
        scroll={{ x: 'max-content' }}
        onRow={(r) => ({ 'data-testid': 'review-explain-review', 'data-expert': r.expertName, 'data-dropped': r.dropped ?? '', 'data-total': r.total }) as object}
      />
    </div>
  );
}

import { Button, Dropdown, Popconfirm, Popover, Space, Tag, Tooltip, Typography, type ButtonProps } from 'antd';
import { DeleteOutlined, InfoCircleOutlined, MoreOutlined, SwapOutlined } from '@ant-design/icons';
import type { AssignmentItem, AssignmentStatus, PairRule, PairRuleKind } from '../api/assignment.api.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { PairExplain } from './assignment-pair-explain.tsx';

const statusColor: Record<AssignmentStatus, string> = { draft: 'default', published: 'blue', declined: 'red' };

/** 草稿 / 已发布 / 已回避 (with the expert's reason). */
export function AssignmentStatusTag({ item }: { item: AssignmentItem }) {
  const { t } = useI18n();
  const tag = <Tag color={statusColor[item.status]} data-testid="reviewer-status" data-status={item.status}>{t(`as.status.${item.status}`)}</Tag>;
  return item.status === 'declined' && item.declinedReason ? <Tooltip title={t('as.declinedReason', { reason: item.declinedReason })}>{tag}</Tooltip> : tag;
}

type Props = {
  programId: string;
  round: string;
  item: AssignmentItem;
  rule: PairRule | undefined;
  busy: boolean;
  onSwap: () => void;
  onRemove: () => void;
  onRule: (kind: PairRuleKind) => void;
  onDeleteRule: () => void;
};

/** One reviewer of an application: who, the affinity (click: why), status and source, and what one may do with it. */
export function AssignmentReviewer({ programId, round, item, rule, busy, onSwap, onRemove, onRule, onDeleteRule }: Props) {
  const { t } = useI18n();
  const declined = item.status === 'declined';
  const menu = [
    ...(rule ? [] : [{ key: 'pin', label: t('as.pin') }, { key: 'ban', label: t('as.ban') }]),
    ...(rule ? [{ key: 'unrule', label: t('as.unpin') }] : []),
  ];
  return (
    <div className="lv-reviewer" data-testid="reviewer" data-expert={item.expertId} data-status={item.status} data-source={item.source}>
      <Space size={6} wrap>
        <Typography.Text strong delete={declined} data-testid="reviewer-name">{item.expertName}</Typography.Text>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>{item.expertOrg}</Typography.Text>
        <Popover
          trigger="click"
          title={t('as.explain')}
          destroyOnHidden
          content={<PairExplain programId={programId} round={round} applicationId={item.applicationId} expertId={item.expertId} />}
        >
          <Button size="small" type="link" icon={<InfoCircleOutlined />} style={{ padding: 0 }} data-testid="reviewer-affinity" data-affinity={item.affinity}>
            {t('as.affinity', { n: item.affinity })}
          </Button>
        </Popover>
        <AssignmentStatusTag item={item} />
        {item.source !== 'solver' && <Tag color={item.source === 'refill' ? 'gold' : 'cyan'} data-testid="reviewer-source">{t(`as.source.${item.source}`)}</Tag>}
        {rule && <Tag color="purple" data-testid="reviewer-rule" data-kind={rule.kind}>{t(`as.rule.${rule.kind}`)}</Tag>}
        {declined && item.declinedReason && <Typography.Text type="danger" style={{ fontSize: 12 }} data-testid="reviewer-declined-reason">{t('as.declinedReason', { reason: item.declinedReason })}</Typography.Text>}
      </Space>
      {!declined && (
        <Space size={4} className="lv-reviewer-actions">
          <Button size="small" icon={<SwapOutlined />} disabled={busy} onClick={onSwap} data-testid="reviewer-swap">{t('as.swap')}</Button>
          <Popconfirm title={t('as.removeConfirm', { name: item.expertName })} onConfirm={onRemove} okButtonProps={{ 'data-testid': 'reviewer-remove-confirm' } as ButtonProps}>
            <Button size="small" danger icon={<DeleteOutlined />} disabled={busy} data-testid="reviewer-remove">{t('as.remove')}</Button>
          </Popconfirm>
          <Dropdown
            trigger={['click']}
            menu={{ items: menu, onClick: ({ key }) => (key === 'unrule' ? onDeleteRule() : onRule(key as PairRuleKind)) }}
          >
            <Button size="small" icon={<MoreOutlined />} disabled={busy} aria-label={t('as.more')} data-testid="reviewer-more" />
          </Dropdown>
        </Space>
      )}
    </div>
  );
}

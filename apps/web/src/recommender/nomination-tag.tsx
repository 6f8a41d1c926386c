import { Tag } from 'antd';
import type { Nomination } from '../api/recommendation.api.ts';
import { useI18n } from '../i18n/i18n.tsx';

const colors: Record<Nomination['status'], string> = { pending: 'processing', endorsed: 'green', declined: 'red' };

/** 待推荐 / 已推荐 / 不予推荐. */
export function NominationTag({ status }: { status: Nomination['status'] }) {
  const { t } = useI18n();
  return (
    <Tag color={colors[status]} data-testid="nomination-status" data-status={status}>
      {t(`rec.nom.${status}`)}
    </Tag>
  );
}

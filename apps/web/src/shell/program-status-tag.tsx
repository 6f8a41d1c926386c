import { Tag } from 'antd';
import { shownProgramStatus } from '@lvping/domain/program/program-display.ts';
import type { ProgramSummary } from '@lvping/domain/program/program-summary.schema.ts';
import { useI18n } from '../i18n/i18n.tsx';
import type { MessageKey } from '../i18n/zh-CN.ts';
import { statusColor } from './status.ts';

type Shown = Pick<ProgramSummary, 'slug' | 'status' | 'callOpensAt' | 'callClosesAt'>;

/**
 * A program's status as the public pages show it (征集中 only while the call is open), and the
 * mark of a demo edition, in the reader's language.
 */
export function ProgramStatusTags({ program, now = Date.now() }: { program: Shown; now?: number }) {
  const { t } = useI18n();
  const call = program.callOpensAt !== undefined && program.callClosesAt !== undefined ? { opensAt: program.callOpensAt, closesAt: program.callClosesAt } : undefined;
  const status = shownProgramStatus(program.status, call, now);
  return (
    <>
      <Tag color={statusColor[status]} data-testid="program-status" data-status={status}>
        {t(`status.${status}` as MessageKey)}
      </Tag>
      {program.slug.endsWith('-demo') && (
        <Tag color="magenta" data-testid="program-demo">
          {t('home.demo')}
        </Tag>
      )}
    </>
  );
}

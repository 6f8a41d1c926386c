import { Alert, Tag, Typography } from 'antd';
import type { FieldError } from '@lvping/domain/errors.ts';
import { useI18n } from '../i18n/i18n.tsx';

/** Every problem of a definition with the path it is at (`tracks.3.formId`), so all can be fixed in one pass. */
export function ProblemList({ problems, title, testId = 'definition-problems' }: { problems: readonly FieldError[]; title?: string; testId?: string }) {
  const { t, pick } = useI18n();
  if (problems.length === 0) return null;
  return (
    <Alert
      type="error"
      showIcon
      data-testid={testId}
      data-count={problems.length}
      title={title ?? t('def.problems', { n: problems.length })}
      description={
        <ol className="lv-problem-list">
          {problems.map((p, i) => (
            <li key={`${p.path}-${i}`} data-testid="definition-problem" data-path={p.path}>
              <Tag className="lv-mono">{p.path || t('def.root')}</Tag>
              <Typography.Text>{pick(p.message)}</Typography.Text>
            </li>
          ))}
        </ol>
      }
    />
  );
}

import { Typography } from 'antd';
import { CheckCircleFilled, CloseCircleFilled } from '@ant-design/icons';
import { CREDIT_CODE_AUTHORITIES, creditCodeProblem } from '@lvping/domain/form/credit-code.ts';
import { formMessages } from '@lvping/domain/form/messages.ts';
import { useI18n } from '../i18n/i18n.tsx';

/**
 * The live GB 32100 check of a 统一社会信用代码: who registered it once it is valid, or what is
 * wrong. `problems` off shows only the good news (the form's own validation reports the problem).
 */
export function CreditCodeCheck({ value, problems = true, testId }: { value: string; problems?: boolean; testId?: string }) {
  const { t, pick } = useI18n();
  if (!value) return null;
  const problem = creditCodeProblem(value);
  if (!problem) {
    const authority = CREDIT_CODE_AUTHORITIES[value[0]];
    return (
      <Typography.Text type="success" data-testid={testId} data-valid="true">
        <CheckCircleFilled /> {t('fr.creditOk', { authority: authority?.name ?? '', type: authority?.types[value[1]] ?? '' })}
      </Typography.Text>
    );
  }
  if (!problems) return null;
  // While typing, a short code is not yet wrong: say how far along it is.
  const typing = problem === 'length' && value.length < 18;
  return (
    <Typography.Text type={typing ? 'secondary' : 'danger'} data-testid={testId} data-valid="false">
      {typing ? t('fr.creditTyping', { n: value.length }) : <><CloseCircleFilled /> {pick(formMessages.creditCode(problem, value.length))}</>}
    </Typography.Text>
  );
}

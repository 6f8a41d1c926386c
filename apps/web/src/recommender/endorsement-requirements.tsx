import { Typography } from 'antd';
import type { FieldError } from '@lvping/domain/errors.ts';
import type { CandidateDetail } from '../api/recommendation.api.ts';
import type { useI18n } from '../i18n/i18n.tsx';

type T = ReturnType<typeof useI18n>['t'];

/** A field's label, marked 选填 when the program lets the unit leave it out. */
export function requirementLabel(label: string, required: boolean, t: T) {
  return required ? label : (
    <span>
      {label} <Typography.Text type="secondary" data-testid="endorse-optional">{t('rec.optional')}</Typography.Text>
    </span>
  );
}

/** The required parts of an endorsement left out, as field errors (the server sends the same). */
export function endorsementMissing(requires: CandidateDetail['requires'], data: { opinion?: string; stampedFileId?: string }, t: T): FieldError[] {
  const out: FieldError[] = [];
  if (requires.opinion && !data.opinion?.trim()) out.push({ path: 'opinion', message: { 'zh-CN': t('rec.opinionRequired'), en: t('rec.opinionRequired') } });
  if (requires.stampedPage && !data.stampedFileId) out.push({ path: 'stampedFileId', message: { 'zh-CN': t('rec.stampedRequired'), en: t('rec.stampedRequired') } });
  return out;
}

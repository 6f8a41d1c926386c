import { Alert, Card, Typography } from 'antd';
import type { Section } from '@lvping/domain/form/form-template.schema.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { textIn } from '../i18n/text-in.tsx';
import { FieldItem } from './field-item.tsx';

/**
 * One section as a card. A section someone else fills in (推荐单位意见) is shown read-only with a
 * note, so the applicant sees the whole 申报书 but is not asked for what is not theirs.
 */
export function SectionCard({ section, readOnly, filler }: { section: Section; readOnly: boolean; filler: Section['filledBy'] }) {
  const { lang, t } = useI18n();
  const theirs = section.filledBy !== filler;
  const description = textIn(lang, section.description, section.descriptionEn, true);
  return (
    <Card id={`sec-${section.id}`} className="lv-section" data-testid={`section-${section.id}`} title={textIn(lang, section.title, section.titleEn)}>
      {theirs && (
        <Alert
          type="info"
          showIcon
          className="lv-section-note"
          title={section.filledBy === 'recommender' ? t('fr.recommenderNote') : t('fr.applicantNote')}
          data-testid={`note-${section.id}`}
        />
      )}
      {description && <Typography.Paragraph className="lv-pre" type="secondary">{description}</Typography.Paragraph>}
      {section.fields.map((field) => (
        <FieldItem key={field.id} field={field} place={{ section }} path={`${section.id}.${field.id}`} readOnly={readOnly || theirs} />
      ))}
    </Card>
  );
}

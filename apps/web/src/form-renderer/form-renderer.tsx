import { useCallback, useMemo, type ReactNode } from 'react';
import { Anchor, Col, Form, Progress, Row, Typography } from 'antd';
import type { FieldError } from '@lvping/domain/errors.ts';
import { computeDerived } from '@lvping/domain/form/compute.ts';
import { FormState } from '@lvping/domain/form/form-state.ts';
import type { FormTemplate, Section } from '@lvping/domain/form/form-template.schema.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { progress, setAt, type FormAnswers } from './answers.ts';
import { textIn } from '../i18n/text-in.tsx';
import { RendererContext, type FileAdapter, type RendererContextValue } from './context.ts';
import { SectionCard } from './section-card.tsx';
import { mergeErrors, useDraftErrors } from './validation.ts';
import './form-renderer.css';
import '../i18n/work.ts';

export type FormRendererProps = {
  template: FormTemplate;
  answers: FormAnswers;
  /** Called with the new answers and the path that changed. */
  onChange?: (next: FormAnswers, path: string) => void;
  readOnly?: boolean;
  /** Errors from elsewhere (the server's submit errors), shown with the live draft checks. */
  errors?: readonly FieldError[];
  files?: FileAdapter;
  /** Whose sections are editable here; the others are shown read-only with a note. */
  filler?: Section['filledBy'];
  /** Shown above the progress and section list in the side column (save status, submit). */
  side?: ReactNode;
  /** false: the sections alone, without the side column (a preview in a narrow pane). */
  nav?: boolean;
};

/**
 * Renders a FormTemplate — the same object the server validates answers against — as sections of
 * fields, with live visibility (visibleIf), derived values, draft validation and a progress count.
 */
export function FormRenderer({ template, answers, onChange, readOnly = false, errors = [], files, filler = 'applicant', side, nav = true }: FormRendererProps) {
  const { lang, t } = useI18n();
  const state = useMemo(() => new FormState(template, answers), [template, answers]);
  const derived = useMemo(() => computeDerived(template, answers), [template, answers]);
  const draftErrors = useDraftErrors(template, answers, !readOnly, filler);
  const allErrors = useMemo(() => mergeErrors(errors, draftErrors), [errors, draftErrors]);
  const count = useMemo(() => progress(template, answers, filler), [template, answers, filler]);

  const set = useCallback((path: string, value: unknown) => onChange?.(setAt(answers, path, value), path), [answers, onChange]);
  const ctx = useMemo<RendererContextValue>(
    () => ({ lang, state, derived, errors: allErrors, files, set }),
    [lang, state, derived, allErrors, files, set],
  );
  const sections = template.sections.filter((s) => state.sectionVisible(s));
  const percent = count.total ? Math.round((count.filled / count.total) * 100) : 100;
  const body = (
    <Form layout="vertical" component="div" className={readOnly ? 'lv-form-body lv-form-readonly' : 'lv-form-body'}>
      {sections.map((s) => (
        <SectionCard key={s.id} section={s} readOnly={readOnly} filler={filler} />
      ))}
    </Form>
  );
  if (!nav) return <RendererContext.Provider value={ctx}>{body}</RendererContext.Provider>;

  return (
    <RendererContext.Provider value={ctx}>
      <Row gutter={24} className="lv-form">
        <Col xs={24} lg={18}>
          {body}
        </Col>
        <Col xs={24} lg={6} className="lv-form-side-col">
          <div className="lv-form-side">
            {side}
            {!readOnly && (
              <div className="lv-progress" data-testid="form-progress" data-filled={count.filled} data-total={count.total}>
                <Typography.Text type="secondary">{t('fr.progress', { filled: count.filled, total: count.total })}</Typography.Text>
                <Progress percent={percent} size="small" status={percent === 100 ? 'success' : 'active'} />
              </div>
            )}
            <Typography.Text strong className="lv-toc-title">
              {t('fr.sections')}
            </Typography.Text>
            <Anchor
              offsetTop={72}
              targetOffset={80}
              items={sections.map((s) => ({ key: s.id, href: `#sec-${s.id}`, title: textIn(lang, s.title, s.titleEn) }))}
            />
          </div>
        </Col>
      </Row>
    </RendererContext.Provider>
  );
}

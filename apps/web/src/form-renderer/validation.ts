// The answer validation the server runs, loaded on demand: it pulls in zod and the reference
// tables, which a page should not wait for before it can show the form.
import { useDeferredValue, useEffect, useMemo, useState } from 'react';
import type { FieldError } from '@lvping/domain/errors.ts';
import type { FormTemplate } from '@lvping/domain/form/form-template.schema.ts';

type ValidateModule = typeof import('@lvping/domain/form/validate-answers.ts');
export type Validate = ValidateModule['validateAnswers'];

let loading: Promise<Validate> | undefined;
export const loadValidator = (): Promise<Validate> =>
  (loading ??= import('@lvping/domain/form/validate-answers.ts').then((m) => m.validateAnswers));

/** Draft-mode problems (limits, formats, types) of the answers, re-checked as they change. */
export function useDraftErrors(template: FormTemplate, answers: unknown, enabled: boolean, filledBy: 'applicant' | 'recommender'): FieldError[] {
  const [validate, setValidate] = useState<Validate | null>(null);
  // Typing stays responsive: the check runs on a deferred copy of the answers.
  const deferred = useDeferredValue(answers);
  useEffect(() => {
    if (!enabled) return;
    let live = true;
    void loadValidator().then((v) => live && setValidate(() => v));
    return () => {
      live = false;
    };
  }, [enabled]);
  return useMemo(
    () => (enabled && validate ? validate(template, deferred, { mode: 'draft', filledBy }).errors : []),
    [enabled, validate, template, deferred, filledBy],
  );
}

/** Both lists, without showing the same message twice at one path. */
export function mergeErrors(a: readonly FieldError[], b: readonly FieldError[]): FieldError[] {
  const seen = new Set<string>();
  const out: FieldError[] = [];
  for (const e of [...a, ...b]) {
    const key = `${e.path}\u0000${e.message['zh-CN']}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(e);
  }
  return out;
}

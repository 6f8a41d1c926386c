// Client-side validation with the very schemas the server uses, so a field says the same thing
// in the browser as in the server's 400 reply, in either language.
import type { FormInstance, FormRule } from 'antd';
import { describeIssue, issuesToFieldErrors } from '@lvping/domain/api/zod-issues.ts';
import type { FieldError, Lang } from '@lvping/domain/errors.ts';

type Issue = Parameters<typeof describeIssue>[0];
type SafeParseResult<T> = { success: true; data: T } | { success: false; error: { issues: Issue[] } };
/** Any zod schema, typed structurally so the web app needs no direct zod import. */
export type Parser<T> = { safeParse: (value: unknown) => SafeParseResult<T> };

/** An empty input counts as missing, so it reads "required" rather than "bad email". */
function normalize(value: unknown): unknown {
  return value === '' || value === null ? undefined : value;
}

/** An antd rule that checks one field with its zod schema, message in the current language. */
export function zodRule(schema: Parser<unknown>, lang: Lang): FormRule {
  return {
    validator: async (_rule, value) => {
      const r = schema.safeParse(normalize(value));
      if (!r.success) throw new Error(describeIssue(r.error.issues[0])[lang]);
    },
  };
}

/** The whole request checked before it is sent: either the parsed body or field errors. */
export function parseForm<T>(schema: Parser<T>, values: Record<string, unknown>): { data: T } | { fields: FieldError[] } {
  const clean = Object.fromEntries(Object.entries(values).map(([k, v]) => [k, normalize(v)]));
  const r = schema.safeParse(clean);
  return r.success ? { data: r.data } : { fields: issuesToFieldErrors(r.error.issues) };
}

export type { FormInstance };

import { Tag } from 'antd';
import type { FormInstance } from 'antd';
import { greenCatalogue2024 } from '@lvping/domain/reference/green-catalogue.ts';
import { needStatusNames, type NeedIndicator, type NeedStatus } from '@lvping/domain/needs/need.schema.ts';
import { isApiError } from '../api/client.ts';
import { useI18n, type Lang } from '../i18n/i18n.tsx';

// What the needs pages share: field names, the status tag, indicator text, and server field
// errors put on an antd form whose names are the request's paths (fields.indicators.0.name).

export const fieldName = (id: string, lang: Lang) => {
  const f = greenCatalogue2024.find((x) => x.id === id);
  return f ? (lang === 'en' ? f.nameEn : f.name) : id;
};
export const fieldOptions = (lang: Lang) => greenCatalogue2024.map((f) => ({ value: f.id, label: lang === 'en' ? f.nameEn : f.name }));

const statusColor: Record<NeedStatus, string> = { draft: 'default', pending: 'processing', published: 'success', rejected: 'error', closed: 'default' };
export function NeedStatusTag({ status, testId }: { status: NeedStatus; testId?: string }) {
  const { pick } = useI18n();
  return <Tag color={statusColor[status]} data-testid={testId} data-status={status}>{pick(needStatusNames[status])}</Tag>;
}

export const indicatorLine = (i: Pick<NeedIndicator, 'name' | 'target' | 'unit' | 'direction'>) => `${i.name} ${i.direction === 'atMost' ? '≤' : '≥'} ${i.target}${i.unit}`;

/**
 * Puts each server field error on its form field (the path minus `prefix`, digits as list
 * indexes) and returns the message of anything that fits no field, in the current language.
 */
export function applyServerErrors(form: FormInstance, e: unknown, lang: Lang, prefix = ''): string | null {
  if (!isApiError(e)) return lang === 'en' ? 'Something went wrong' : '发生未知错误';
  if (!e.fields.length) return e.localized[lang];
  const rest: string[] = [];
  const known = form.getFieldsError().map((f) => f.name.join('.'));
  form.setFields(e.fields.flatMap((f) => {
    const path = f.path.startsWith(prefix) ? f.path.slice(prefix.length) : f.path;
    const name = path.split('.').map((s) => (/^\d+$/.test(s) ? Number(s) : s));
    if (!known.includes(path)) {
      rest.push(f.message[lang]);
      return [];
    }
    return [{ name, errors: [f.message[lang]] }];
  }));
  return rest.length ? rest.join('；') : null;
}

/** An error as one line: its field messages when it has any (a modal with one input), else its message. */
export function errorLine(e: unknown, lang: Lang): string {
  if (!isApiError(e)) return lang === 'en' ? 'Something went wrong' : '发生未知错误';
  return e.fields.length ? e.fields.map((f) => f.message[lang]).join('；') : e.localized[lang];
}

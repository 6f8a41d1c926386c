import type { Condition, Field, FormTemplate, LeafField, Section } from '@lvping/domain';
import { formatNumber } from './answer-format.ts';

// What a blank form tells the person drafting offline: the limits the online form enforces
// ("不超过1000字", "选2-3项", "填至区县"), in the words Chinese forms use. Both the blank PDF and
// the blank Excel template print these, so a draft written offline passes when typed in.

type YearTableField = Extract<Field, { kind: 'yearTable' }>;

function range(min: number | undefined, max: number | undefined, unit: string): string {
  if (min !== undefined && max !== undefined) return min === max ? `${min}${unit}` : `${min}-${max}${unit}`;
  if (max !== undefined) return `不超过${max}${unit}`;
  if (min !== undefined) return `不少于${min}${unit}`;
  return '';
}

const REGION_LEVEL = { province: '填至省级', city: '填至地市级', county: '填至区县级' } as const;
const INDUSTRY_LEVEL = { section: '门类', division: '大类', group: '中类', class: '小类' } as const;
const FORMATS = { email: '电子邮箱', phone: '电话号码', url: '网址' } as const;

function numberHint(f: { integer?: boolean; min?: number; max?: number }): string[] {
  const parts = f.integer ? ['整数'] : [];
  if (f.min !== undefined && f.max !== undefined) parts.push(`${formatNumber(f.min)}～${formatNumber(f.max)}`);
  else if (f.min !== undefined) parts.push(`不小于${formatNumber(f.min)}`);
  else if (f.max !== undefined) parts.push(`不大于${formatNumber(f.max)}`);
  return parts;
}

function fileHint(accept: string[], maxSizeMB: number, maxFiles?: number): string[] {
  const parts = ['在线上传'];
  if (accept.length) parts.push(accept.join('/'));
  parts.push(`单个不超过${formatNumber(maxSizeMB)}MB`);
  if (maxFiles) parts.push(`最多${maxFiles}个`);
  return parts;
}

/** The parts of a field's limits, e.g. ['不超过1000字'] or ['可多选', '选2-3项']. */
export function hintParts(field: LeafField): string[] {
  switch (field.kind) {
    case 'text': {
      const chars = range(field.minChars, field.maxChars, '字');
      return [chars, field.format ? FORMATS[field.format] : ''].filter(Boolean);
    }
    case 'number':
      return numberHint(field);
    case 'choice':
      if (!field.multiple) return [];
      return ['可多选', range(field.minSelected, field.maxSelected, '项').replace(/^(\d)/, '选$1')].filter(Boolean);
    case 'region':
      return [REGION_LEVEL[field.level]];
    case 'industry': {
      const scheme = field.scheme === 'gb4754-2017' ? 'GB/T 4754-2017' : '战略性新兴产业分类（2018）';
      return [`${scheme}，填至${INDUSTRY_LEVEL[field.level]}`, field.multiple ? '可多选' : ''].filter(Boolean);
    }
    case 'trl':
      return ['1-9级，GB/T 22900-2009'];
    case 'creditCode':
      return ['18位'];
    case 'file':
      return fileHint(field.accept, field.maxSizeMB, field.multiple ? field.maxFiles : undefined);
    case 'signature':
      return ['打印后加盖公章，扫描上传'];
    case 'computed':
      return ['系统自动计算'];
    case 'date':
    case 'yearTable':
    case 'declaration':
      return [];
  }
}

/** "（不超过1000字）", or '' when the field has no limit worth printing. */
export function limitHint(field: LeafField): string {
  const parts = hintParts(field);
  return parts.length ? `（${parts.join('，')}）` : '';
}

export function yearLabel(table: YearTableField, year: number): string {
  return table.yearLabels?.[String(year)] ?? `${year}年`;
}

/** Finds the field a condition names: `field` in the same section, or `section.field`. */
function conditionTarget(template: FormTemplate, section: Section | undefined, ref: string): Field | undefined {
  const [a, b] = ref.split('.');
  if (b !== undefined) return template.sections.find((s) => s.id === a)?.fields.find((f) => f.id === b);
  return section?.fields.find((f) => f.id === a) ?? template.sections.flatMap((s) => s.fields).find((f) => f.id === a);
}

function conditionValue(target: Field | undefined, v: unknown): string {
  const label = target?.kind === 'choice' ? target.options.find((o) => o.value === v)?.label : undefined;
  return `“${label ?? String(v)}”`;
}

/** "（“是否高新技术企业”为“是”时填写）" for a conditional field or section on a blank form. */
export function conditionHint(template: FormTemplate, section: Section | undefined, cond: Condition | undefined): string {
  if (!cond) return '';
  const target = conditionTarget(template, section, cond.field);
  const name = `“${target?.label ?? cond.field}”`;
  if ('notEmpty' in cond) return `（${name}已填写时填写）`;
  const values = 'equals' in cond ? [cond.equals] : cond.in;
  const verb = target?.kind === 'choice' && target.multiple ? '包含' : '为';
  return `（${name}${verb}${values.map((v) => conditionValue(target, v)).join('或')}时填写）`;
}

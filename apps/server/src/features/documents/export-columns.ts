import type { DerivedValues, Field, FieldPlace, FormState, FormTemplate, GroupField, LeafField, Section } from '@lvping/domain';
import { formatAnswer, isRecord, yearCellText } from './answer-format.ts';

// The columns of the applications export for one form: one per leaf field, one per year-table
// cell ("近三年·营业收入总额·2021") plus its 平均值, and a group as one text column. Numbers stay
// numbers, so organizers can sum and sort them in Excel; units go into the headers.

type YearTableField = Extract<Field, { kind: 'yearTable' }>;
export type ExportCell = string | number | null;

/** One application's answers, read once for all of its columns. */
export type AnswerView = { state: FormState; derived: DerivedValues };

export type ExportColumn = { header: string; value(view: AnswerView): ExportCell };

function unitSuffix(field: LeafField): string {
  return (field.kind === 'number' || field.kind === 'computed') && field.unit ? `（${field.unit}）` : '';
}

function visibleValue(view: AnswerView, field: Field, place: FieldPlace): unknown {
  return view.state.fieldVisible(field, place) ? view.state.rawValue(field, place) : undefined;
}

function leafColumn(section: Section, field: LeafField): ExportColumn {
  const place: FieldPlace = { section };
  const path = `${section.id}.${field.id}`;
  return {
    header: field.label + unitSuffix(field),
    value(view) {
      if (field.kind === 'computed') return view.derived[path] ?? null;
      const raw = visibleValue(view, field, place);
      if (field.kind === 'number' && typeof raw === 'number') return raw;
      if (field.kind === 'trl' && typeof raw === 'number') return raw;
      return formatAnswer(field, raw, { units: false }) || null;
    },
  };
}

function yearTableColumns(section: Section, field: YearTableField): ExportColumn[] {
  const place: FieldPlace = { section };
  const path = `${section.id}.${field.id}`;
  const cell = (view: AnswerView, rowId: string, year: number): ExportCell => {
    const table = visibleValue(view, field, place);
    const row = isRecord(table) ? table[rowId] : undefined;
    const v = isRecord(row) ? row[String(year)] : undefined;
    return typeof v === 'number' ? v : yearCellText(field, rowId, v) || null;
  };
  return field.rows.flatMap((r) => {
    const name = `${field.label}·${r.label}${r.unit ? `（${r.unit}）` : ''}`;
    const years = field.years.map((y): ExportColumn => ({ header: `${name}·${field.yearLabels?.[String(y)] ?? y}`, value: (v) => cell(v, r.id, y) }));
    if (!field.average || r.type !== 'number') return years;
    return [...years, { header: `${name}·${field.averageLabel}`, value: (v) => v.derived[`${path}.${r.id}.average`] ?? null }];
  });
}

/** A group as one cell: each item's answers joined by "，", items by "; ". */
function groupColumn(section: Section, group: GroupField): ExportColumn {
  return {
    header: group.label,
    value(view) {
      const items = visibleValue(view, group, { section });
      if (!Array.isArray(items) || !items.length) return null;
      return items
        .map((_, index) => {
          const place: FieldPlace = { section, group, index };
          return (group.fields as LeafField[])
            .map((f) => {
              if (!view.state.fieldVisible(f, place)) return '';
              const derived = view.derived[`${section.id}.${group.id}.${index}.${f.id}`];
              return formatAnswer(f, view.state.rawValue(f, place), { derived });
            })
            .filter(Boolean)
            .join('，');
        })
        .join('; ');
    },
  };
}

/** Every column of a form, in form order; a header used twice is prefixed with its section. */
export function formColumns(form: FormTemplate): ExportColumn[] {
  const columns: Array<ExportColumn & { section: Section }> = [];
  for (const section of form.sections) {
    for (const field of section.fields) {
      const cols =
        field.kind === 'yearTable' ? yearTableColumns(section, field) : field.kind === 'group' ? [groupColumn(section, field)] : [leafColumn(section, field)];
      columns.push(...cols.map((c) => ({ ...c, section })));
    }
  }
  const counts = new Map<string, number>();
  for (const c of columns) counts.set(c.header, (counts.get(c.header) ?? 0) + 1);
  return columns.map(({ section, ...c }) => (counts.get(c.header)! > 1 ? { ...c, header: `${section.title}·${c.header}` } : c));
}

/**
 * One answer as one column, by `section.field` (a unit's 推荐汇总表 names its columns so): a leaf
 * field as the export has it, a group joined into one cell, a year table as its row·year cells
 * joined; undefined when the form has no such field.
 */
export function answerColumn(form: FormTemplate, path: string, header?: string): ExportColumn | undefined {
  const [sectionId, fieldId] = path.split('.');
  const section = form.sections.find((s) => s.id === sectionId);
  const field = section?.fields.find((f) => f.id === fieldId);
  if (!section || !field) return undefined;
  if (field.kind === 'group') return { ...groupColumn(section, field), header: header ?? field.label };
  if (field.kind === 'yearTable') {
    const cells = yearTableColumns(section, field);
    return {
      header: header ?? field.label,
      value: (view) => cells.map((c) => [c.header.slice(field.label.length + 1), c.value(view)] as const).filter(([, v]) => v !== null).map(([h, v]) => `${h}：${v}`).join('；') || null,
    };
  }
  return { ...leafColumn(section, field), header: header ?? field.label + unitSuffix(field) };
}

import { InputNumber, Select, Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { rowAverage, roundTo } from '@lvping/domain/form/compute.ts';
import type { Field } from '@lvping/domain/form/form-template.schema.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { errorsAt, getAt, loc, pickLocalized, setAt } from '../answers.ts';
import { textIn } from '../../i18n/text-in.tsx';
import { useRenderer, type FieldProps } from '../context.ts';

type YearTable = Extract<Field, { kind: 'yearTable' }>;
const LABEL_WIDTH = 220;
const CELL_WIDTH = 130;
const AVG_WIDTH = 110;
type Row = YearTable['rows'][number];

/**
 * Rows are metrics, columns are years plus the read-only 平均值 (the value computeDerived gives
 * the server and the reviewers). Cell errors (`table.revenue.2021`) mark their cell and are listed below.
 */
export function YearTableFieldInput({ field, path, value, onChange, readOnly }: FieldProps<YearTable>) {
  const { lang, t } = useI18n();
  const { derived, errors } = useRenderer();
  const table = typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : {};
  const yearLabel = (y: number) => (lang === 'en' ? field.yearLabelsEn?.[String(y)] : undefined) ?? field.yearLabels?.[String(y)] ?? t('fr.yearColumn', { year: y });
  const cellErrors = errorsAt(errors, path, true).filter((e) => e.path !== path);

  const setCell = (row: Row, year: number, v: unknown) => onChange(setAt(table, `${row.id}.${year}`, v));

  const cell = (row: Row, year: number) => {
    const cellPath = `${path}.${row.id}.${year}`;
    const v = getAt(table, `${row.id}.${year}`);
    const bad = cellErrors.some((e) => e.path === cellPath);
    if (row.type === 'choice') {
      const options = (row.options ?? []).map((o) => ({ value: o.value, label: textIn(lang, o.label, o.labelEn) }));
      if (readOnly) return options.find((o) => o.value === v)?.label ?? '';
      return (
        <Select
          value={typeof v === 'string' ? v : undefined}
          options={options}
          allowClear
          size="small"
          status={bad ? 'error' : undefined}
          style={{ width: '100%' }}
          onChange={(x: string | undefined) => setCell(row, year, x)}
          data-testid={`field-${cellPath}`}
        />
      );
    }
    if (readOnly) return typeof v === 'number' ? v : '';
    return (
      <InputNumber
        value={typeof v === 'number' ? v : null}
        size="small"
        status={bad ? 'error' : undefined}
        style={{ width: '100%' }}
        onChange={(x) => setCell(row, year, typeof x === 'number' ? x : undefined)}
        data-testid={`field-${cellPath}`}
      />
    );
  };

  const average = (row: Row) => {
    if (row.type !== 'number') return '—';
    // computeDerived covers top-level tables; a table inside a group item is averaged the same way here.
    const key = `${path}.${row.id}.average`;
    const avg = key in derived ? derived[key] : ((a) => (a === null ? null : roundTo(a, field.decimals)))(rowAverage(field, row.id, table));
    return <span data-testid={`avg-${path}.${row.id}`}>{avg ?? '—'}</span>;
  };

  const columns: ColumnsType<Row> = [
    {
      key: 'label',
      title: t('fr.metric'),
      fixed: 'left',
      width: LABEL_WIDTH,
      render: (_, row) => {
        const label = textIn(lang, row.label, row.labelEn);
        // Many labels already say their unit: 专利申请量（项）.
        const unit = row.unit && !row.label.includes(row.unit) ? textIn(lang, row.unit, row.unitEn) : null;
        return (
          <span>
            {label}
            {unit && <Typography.Text type="secondary">{lang === 'en' ? <> ({unit})</> : <>（{unit}）</>}</Typography.Text>}
          </span>
        );
      },
    },
    ...field.years.map((year) => ({ key: String(year), title: yearLabel(year), width: CELL_WIDTH, render: (_: unknown, row: Row) => cell(row, year) })),
    ...(field.average ? [{ key: 'avg', title: textIn(lang, field.averageLabel, field.averageLabelEn), width: AVG_WIDTH, className: 'lv-avg-col', render: (_: unknown, row: Row) => average(row) }] : []),
  ];
  const width = LABEL_WIDTH + CELL_WIDTH * field.years.length + (field.average ? AVG_WIDTH : 0);

  return (
    <div data-testid={`field-${path}`}>
      <Table<Row> rowKey="id" size="small" bordered pagination={false} columns={columns} dataSource={field.rows} tableLayout="fixed" scroll={{ x: width }} />
      {cellErrors.length > 0 && (
        <ul className="lv-cell-errors">
          {cellErrors.map((e) => {
            const [rowId, year] = e.path.slice(path.length + 1).split('.');
            const row = field.rows.find((r) => r.id === rowId);
            const where = [row ? loc(lang, row.label, row.labelEn) : rowId, year && yearLabel(Number(year))].filter(Boolean).join(' · ');
            return <li key={e.path + e.message['zh-CN']}>{`${where}：${pickLocalized(lang, e.message)}`}</li>;
          })}
        </ul>
      )}
    </div>
  );
}

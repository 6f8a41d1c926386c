import { Alert, Table } from 'antd';
import type { FieldError } from '@lvping/domain/errors.ts';
import { isApiError } from '../api/client.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { useErrorText } from '../shell/api-error.tsx';
// The row, column and problem labels are the unit import's, the first sheet import.
import '../i18n/recommend.ts';

export type Problem = { key: number; row: string; column: string; message: string };
/** A refused import: the server's summary, and every problem it found in the sheet. */
export type ImportFailure = { title: string; problems: Problem[] };

/** `rows.12.联络员电话` → row 12, column 联络员电话; anything else is about the whole sheet. */
export function problemRows(fields: FieldError[], pick: (m: FieldError['message']) => string, sheet: string): Problem[] {
  return fields.map((f, key) => {
    const m = /^rows\.(\d+)(?:\.(.+))?$/.exec(f.path);
    // The message repeats its row and column for reading elsewhere; the table has them in their own columns.
    const message = pick(f.message).replace(/^第 \d+ 行「[^」]+」：|^Row \d+, [^:]+: /, '');
    return { key, row: m ? m[1] : sheet, column: m?.[2] ?? '—', message };
  });
}

/** Turns what an import upload threw into the report below. */
export function useImportFailure(): (e: unknown) => ImportFailure {
  const { t, pick } = useI18n();
  const text = useErrorText();
  return (e) => (isApiError(e) && e.fields.length ? { title: pick(e.localized), problems: problemRows(e.fields, pick, t('import.sheet')) } : { title: text(e), problems: [] });
}

/** The report of a refused sheet import: nothing was imported, and here is every problem by row and column. */
export function ImportProblems({ failure }: { failure: ImportFailure }) {
  const { t } = useI18n();
  return (
    <div style={{ marginTop: 16 }} data-testid="import-problems" data-count={failure.problems.length}>
      <Alert type="error" showIcon title={failure.title} style={{ marginBottom: 12 }} />
      {failure.problems.length > 0 && (
        <Table<Problem>
          rowKey="key"
          size="small"
          pagination={false}
          scroll={{ y: 360 }}
          dataSource={failure.problems}
          onRow={(p) => ({ 'data-testid': 'import-problem', 'data-row': p.row, 'data-column': p.column }) as object}
          columns={[
            { key: 'row', title: t('import.row'), dataIndex: 'row', width: 70 },
            { key: 'column', title: t('import.column'), dataIndex: 'column', width: 140 },
            { key: 'message', title: t('import.problem'), dataIndex: 'message' },
          ]}
        />
      )}
    </div>
  );
}

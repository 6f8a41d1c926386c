import { useState } from 'react';
import { Alert, App, Button, Modal, Table, Typography, Upload } from 'antd';
import { FileExcelOutlined } from '@ant-design/icons';
import { unitSheetColumns } from '@lvping/domain/recommendation/unit-sheet.ts';
import type { FieldError } from '@lvping/domain/errors.ts';
import { isApiError } from '../api/client.ts';
import { unitsApi } from '../api/recommendation.api.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { useErrorText } from '../shell/api-error.tsx';

type Problem = { key: number; row: string; column: string; message: string };

/** `rows.12.联络员电话` → row 12, column 联络员电话; anything else is about the whole sheet. */
export function problemRows(fields: FieldError[], pick: (m: FieldError['message']) => string, sheet: string): Problem[] {
  return fields.map((f, key) => {
    const m = /^rows\.(\d+)(?:\.(.+))?$/.exec(f.path);
    // The message repeats its row and column for reading elsewhere; the table has them in their own columns.
    const message = pick(f.message).replace(/^第 \d+ 行「[^」]+」：|^Row \d+, [^:]+: /, '');
    return { key, row: m ? m[1] : sheet, column: m?.[2] ?? '—', message };
  });
}

/** Excel import of recommending units: all or nothing, every problem listed by row and column. */
export function UnitImport({ programId, onImported }: { programId: string; onImported: () => void }) {
  const { t, pick } = useI18n();
  const { message } = App.useApp();
  const text = useErrorText();
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<{ title: string; problems: Problem[] } | null>(null);

  const upload = async (file: File) => {
    setBusy(true);
    setFailure(null);
    try {
      const r = await unitsApi.import(programId, file);
      message.success(t('import.done', r));
      setOpen(false);
      onImported();
    } catch (e) {
      if (isApiError(e) && e.fields.length) setFailure({ title: pick(e.localized), problems: problemRows(e.fields, pick, t('import.sheet')) });
      else setFailure({ title: text(e), problems: [] });
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <Button icon={<FileExcelOutlined />} onClick={() => setOpen(true)} data-testid="units-import">
        {t('import.button')}
      </Button>
      <Modal open={open} title={t('import.title')} onCancel={() => setOpen(false)} footer={null} width={820} destroyOnHidden>
        <Typography.Paragraph type="secondary">{t('import.hint', { columns: unitSheetColumns.map((c) => c.header).join('、') })}</Typography.Paragraph>
        <div data-testid="units-import-input">
          <Upload accept=".xlsx" showUploadList={false} beforeUpload={(f) => { void upload(f); return false; }}>
            <Button type="primary" icon={<FileExcelOutlined />} loading={busy} data-testid="units-import-choose">
              {t('import.choose')}
            </Button>
          </Upload>
        </div>
        {failure && (
          <div style={{ marginTop: 16 }} data-testid="import-problems" data-count={failure.problems.length}>
            <Alert type="error" showIcon title={failure.title} style={{ marginBottom: 12 }} />
            {failure.problems.length > 0 && (
              <Table<Problem>
                rowKey="key"
                size="small"
                pagination={false}
                scroll={{ y: 360 }}
                dataSource={failure.problems}
                onRow={(p) => ({ 'data-testid': 'import-problem', 'data-row': p.row }) as object}
                columns={[
                  { key: 'row', title: t('import.row'), dataIndex: 'row', width: 70 },
                  { key: 'column', title: t('import.column'), dataIndex: 'column', width: 140 },
                  { key: 'message', title: t('import.problem'), dataIndex: 'message' },
                ]}
              />
            )}
          </div>
        )}
      </Modal>
    </>
  );
}

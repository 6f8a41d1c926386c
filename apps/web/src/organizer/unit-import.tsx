import { useState } from 'react';
import { App, Button, Modal, Typography, Upload } from 'antd';
import { FileExcelOutlined } from '@ant-design/icons';
import { unitSheetColumns } from '@lvping/domain/recommendation/unit-sheet.ts';
import { unitsApi } from '../api/recommendation.api.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { ImportProblems, useImportFailure, type ImportFailure } from './import-problems.tsx';

/** Excel import of recommending units: all or nothing, every problem listed by row and column. */
export function UnitImport({ programId, onImported }: { programId: string; onImported: () => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const failureOf = useImportFailure();
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<ImportFailure | null>(null);

  const upload = async (file: File) => {
    setBusy(true);
    setFailure(null);
    try {
      const r = await unitsApi.import(programId, file);
      message.success(t('import.done', r));
      setOpen(false);
      onImported();
    } catch (e) {
      setFailure(failureOf(e));
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
        {failure && <ImportProblems failure={failure} />}
      </Modal>
    </>
  );
}

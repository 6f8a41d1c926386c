import { useState } from 'react';
import { Alert, App, Button, Modal, Space, Typography, Upload } from 'antd';
import { FileExcelOutlined, UploadOutlined } from '@ant-design/icons';
import { expertSheetColumns } from '@lvping/domain/expert/expert-sheet.ts';
import { expertFiles, expertsApi, type ImportExpertsResult } from '../api/experts.api.ts';
import { useI18n } from '../i18n/i18n.tsx';
import { DownloadButton } from '../shell/download-button.tsx';
import { ImportProblems, useImportFailure, type ImportFailure } from './import-problems.tsx';
import '../i18n/expert.ts';

/** The blank import template (Excel), with the columns and the fields one may name. */
export function ExpertTemplateButton() {
  const { t } = useI18n();
  return (
    <DownloadButton href={expertFiles.template} filename="专家库导入模板.xlsx" data-testid="experts-template">
      {t('ex.template')}
    </DownloadButton>
  );
}

/** Excel import into the pool: all or nothing (matched by 邮箱), every problem listed by row and column. */
export function ExpertImport({ onImported }: { onImported: (r: ImportExpertsResult) => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const failureOf = useImportFailure();
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<ImportFailure | null>(null);
  const [done, setDone] = useState<ImportExpertsResult | null>(null);

  const upload = async (file: File) => {
    setBusy(true);
    setFailure(null);
    setDone(null);
    try {
      const r = await expertsApi.import(file);
      message.success(t('ex.importDone', r));
      setDone(r);
      onImported(r);
    } catch (e) {
      setFailure(failureOf(e));
    } finally {
      setBusy(false);
    }
  };

  const start = () => {
    setFailure(null);
    setDone(null);
    setOpen(true);
  };
  const columns = expertSheetColumns.map((c) => (c.required ? `${c.header}*` : c.header)).join('、');

  return (
    <>
      <Button icon={<FileExcelOutlined />} onClick={start} data-testid="experts-import">
        {t('ex.import')}
      </Button>
      <Modal open={open} title={t('ex.importTitle')} onCancel={() => setOpen(false)} footer={null} width={820} destroyOnHidden>
        <Typography.Paragraph type="secondary">{t('ex.importHint', { columns })}</Typography.Paragraph>
        <Space wrap data-testid="experts-import-input">
          <Upload accept=".xlsx" showUploadList={false} beforeUpload={(f) => { void upload(f); return false; }}>
            <Button type="primary" icon={<UploadOutlined />} loading={busy} data-testid="experts-import-choose">
              {t('ex.importChoose')}
            </Button>
          </Upload>
          <ExpertTemplateButton />
        </Space>
        {done && (
          <Alert style={{ marginTop: 16 }} type="success" showIcon title={t('ex.importDone', done)} data-testid="experts-import-done" data-created={done.created} data-updated={done.updated} />
        )}
        {failure && <ImportProblems failure={failure} />}
      </Modal>
    </>
  );
}

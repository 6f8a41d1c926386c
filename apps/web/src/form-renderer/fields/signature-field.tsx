import { DatePicker, Space, Typography } from 'antd';
import dayjs from 'dayjs';
import type { Field } from '@lvping/domain/form/form-template.schema.ts';
import { useI18n } from '../../i18n/i18n.tsx';
import { loc } from '../answers.ts';
import type { FieldProps } from '../context.ts';
import { FileUpload } from '../file-upload.tsx';
import { ReadValue } from '../read-value.tsx';
import { asFiles } from './file-field.tsx';

type SignatureField = Extract<Field, { kind: 'signature' }>;
type Signature = { file?: unknown; date?: unknown };

/** The stamped signature page: the scan of the page with the seal, and the date on it. */
export function SignatureFieldInput({ field, path, value, onChange, readOnly }: FieldProps<SignatureField>) {
  const { lang, t } = useI18n();
  const sig: Signature = typeof value === 'object' && value !== null ? (value as Signature) : {};
  const date = typeof sig.date === 'string' ? sig.date : '';
  const set = (patch: Signature) => {
    const next = { ...sig, ...patch };
    if (next.file === undefined) delete next.file;
    if (next.date === undefined) delete next.date;
    onChange(Object.keys(next).length ? next : undefined);
  };
  const signer = loc(lang, field.signer, field.signerEn);

  return (
    <div className="lv-signature">
      <Typography.Text strong>{t('fr.signatureFile', { signer })}</Typography.Text>
      <FileUpload
        fieldPath={path}
        testId={`field-${path}.file`}
        accept={field.accept}
        maxSizeMB={field.maxSizeMB}
        multiple={false}
        files={asFiles(sig.file)}
        onChange={(files) => set({ file: files[0] })}
        readOnly={readOnly}
      />
      <Space style={{ marginTop: 8 }}>
        <Typography.Text strong>{t('fr.signatureDate')}</Typography.Text>
        {readOnly ? (
          <ReadValue testId={`field-${path}.date`}>{date}</ReadValue>
        ) : (
          <DatePicker
            value={date ? dayjs(date) : null}
            format="YYYY-MM-DD"
            onChange={(d) => set({ date: d ? d.format('YYYY-MM-DD') : undefined })}
            data-testid={`field-${path}.date`}
          />
        )}
      </Space>
    </div>
  );
}

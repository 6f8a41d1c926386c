import type { Field, FileRef } from '@lvping/domain/form/form-template.schema.ts';
import type { FieldProps } from '../context.ts';
import { FileUpload } from '../file-upload.tsx';

type FileField = Extract<Field, { kind: 'file' }>;

/** One file answers a FileRef, several a list of them. */
export function asFiles(value: unknown): FileRef[] {
  const list = Array.isArray(value) ? value : value ? [value] : [];
  return list.filter((f): f is FileRef => typeof f === 'object' && f !== null && typeof (f as FileRef).id === 'string');
}

export function FileFieldInput({ field, path, value, onChange, readOnly }: FieldProps<FileField>) {
  return (
    <FileUpload
      fieldPath={path}
      testId={`field-${path}`}
      accept={field.accept}
      maxSizeMB={field.maxSizeMB}
      multiple={field.multiple}
      maxFiles={field.maxFiles}
      files={asFiles(value)}
      onChange={(files) => onChange(field.multiple ? (files.length ? files : undefined) : files[0])}
      readOnly={readOnly}
    />
  );
}

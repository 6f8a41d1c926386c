import { useCallback, useEffect, useRef, useState } from 'react';
import type { FormInstance } from 'antd';
import type { FieldError, Localized } from '@lvping/domain/errors.ts';
import { isApiError } from '../api/client.ts';
import { useI18n } from '../i18n/i18n.tsx';

const unknownError: Localized = { 'zh-CN': '发生未知错误，请稍后再试', en: 'Something went wrong; please try again later' };

export type FormErrors = {
  /** The error shown above the form (not tied to one field), in the current language. */
  formError: string | null;
  formErrorCode: string | null;
  /** Puts field errors on their fields and anything else above the form. */
  show: (e: unknown) => void;
  showFields: (fields: FieldError[]) => void;
  clear: () => void;
};

/**
 * Keeps errors as {'zh-CN', en} pairs rather than strings, so switching language re-renders the
 * messages already on screen instead of leaving them in the old language.
 */
export function useFormErrors(form: FormInstance, fieldNames: readonly string[]): FormErrors {
  const { lang } = useI18n();
  const [general, setGeneral] = useState<{ code: string; message: Localized } | null>(null);
  const serverFields = useRef<FieldError[]>([]);

  const applyFields = useCallback(
    (fields: FieldError[]) => {
      form.setFields(fields.map((f) => ({ name: f.path, errors: [f.message[lang]] })));
    },
    [form, lang],
  );

  const showFields = useCallback(
    (fields: FieldError[]) => {
      const known = fields.filter((f) => fieldNames.includes(f.path));
      const unknown = fields.filter((f) => !fieldNames.includes(f.path));
      serverFields.current = known;
      applyFields(known);
      if (unknown.length) {
        setGeneral({
          code: 'VALIDATION',
          message: { 'zh-CN': unknown.map((f) => f.message['zh-CN']).join('；'), en: unknown.map((f) => f.message.en).join('; ') },
        });
      }
    },
    [applyFields, fieldNames],
  );

  const show = useCallback(
    (e: unknown) => {
      if (!isApiError(e)) {
        setGeneral({ code: 'UNKNOWN', message: unknownError });
        return;
      }
      if (e.fields.length === 0) {
        setGeneral({ code: e.code, message: e.localized });
        return;
      }
      // Field errors go on their fields; any for a field this form lacks goes above it.
      setGeneral(null);
      showFields(e.fields);
    },
    [showFields],
  );

  const clear = useCallback(() => {
    setGeneral(null);
    serverFields.current = [];
  }, []);

  // On a language switch: rewrite server errors from their stored pair, re-run the client rules
  // of fields that show an error (the rules build their message in the new language).
  useEffect(() => {
    const serverPaths = new Set(serverFields.current.map((f) => f.path));
    applyFields(serverFields.current.filter((f) => form.getFieldError(f.path).length > 0));
    const clientErrored = form
      .getFieldsError()
      .filter((f) => f.errors.length > 0 && !serverPaths.has(f.name.join('.')))
      .map((f) => f.name);
    if (clientErrored.length) form.validateFields(clientErrored).catch(() => undefined);
    // Only the language matters here; the form and stored errors are read at that moment.
  }, [lang]);

  return {
    formError: general ? general.message[lang] : null,
    formErrorCode: general?.code ?? null,
    show,
    showFields,
    clear,
  };
}

import type { FormInstance } from 'antd';

/** Drops the errors shown on the fields that just changed (server errors set by hand stay otherwise). */
export function clearChanged(form: FormInstance, changed: Record<string, unknown>): void {
  form.setFields(Object.keys(changed).map((name) => ({ name, errors: [] })));
}

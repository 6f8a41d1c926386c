import { createContext, useContext } from 'react';
import type { FieldError, Lang } from '@lvping/domain/errors.ts';
import type { DerivedValues } from '@lvping/domain/form/compute.ts';
import type { FormState } from '@lvping/domain/form/form-state.ts';
import type { FileRef } from '@lvping/domain/form/form-template.schema.ts';

/** Where uploaded files are read back and (while editing) where uploads go; absent in previews. */
export type FileAdapter = {
  upload?: (fieldPath: string, file: File) => Promise<FileRef>;
  href: (file: FileRef) => string;
};

export type RendererContextValue = {
  lang: Lang;
  state: FormState;
  derived: DerivedValues;
  errors: readonly FieldError[];
  files?: FileAdapter;
  /** Sets the answer at a dotted path. */
  set: (path: string, value: unknown) => void;
};

export const RendererContext = createContext<RendererContextValue | null>(null);

export function useRenderer(): RendererContextValue {
  const ctx = useContext(RendererContext);
  if (!ctx) throw new Error('form field outside FormRenderer');
  return ctx;
}

/** What every field component receives. */
export type FieldProps<K> = {
  field: K;
  /** Dotted answer path, also the data-testid suffix: `basic.companyName`, `team.members.0.name`. */
  path: string;
  value: unknown;
  onChange: (value: unknown) => void;
  readOnly: boolean;
  invalid: boolean;
};

// The definition parser (YAML, zod and every schema) is loaded only when an editor needs it.
import { useEffect, useRef, useState } from 'react';
import type { FieldError } from '@lvping/domain/errors.ts';
import type { ProgramDefinition } from '@lvping/domain/program/program-definition.schema.ts';

type DefinitionTextModule = typeof import('@lvping/domain/program/definition-text.ts');
export type DefinitionFormat = 'yaml' | 'json';

let loading: Promise<DefinitionTextModule> | undefined;
export const loadDefinitionText = () => (loading ??= import('@lvping/domain/program/definition-text.ts'));

export type Checked = { state: 'checking' } | { state: 'ok'; definition: ProgramDefinition } | { state: 'invalid'; problems: FieldError[] };

export const VALIDATE_DELAY_MS = 400;

type Parsed = ReturnType<DefinitionTextModule['parseDefinitionText']>;

/** A worker for the check, or null where workers are unavailable (then it runs here). */
function startWorker(): Worker | null {
  try {
    return new Worker(new URL('./definition.worker.ts', import.meta.url), { type: 'module' });
  } catch {
    return null;
  }
}

/**
 * parseDefinitionText on the text, 400 ms after typing stops — the same check the server makes —
 * in a worker so that typing never waits for it. Only the answer to the latest text is kept.
 */
export function useDefinitionCheck(text: string, format: DefinitionFormat): Checked {
  const [checked, setChecked] = useState<Checked>({ state: 'checking' });
  const worker = useRef<Worker | null | undefined>(undefined);
  const latest = useRef(0);

  useEffect(
    () => () => {
      worker.current?.terminate();
      worker.current = undefined;
    },
    [],
  );

  useEffect(() => {
    const id = ++latest.current;
    const apply = (r: Parsed) => {
      if (id !== latest.current) return;
      setChecked(r.ok ? { state: 'ok', definition: r.definition } : { state: 'invalid', problems: r.problems });
    };
    const inPage = () => void loadDefinitionText().then((m) => apply(m.parseDefinitionText(text, format)));
    const timer = setTimeout(() => {
      if (worker.current === undefined) worker.current = startWorker();
      const w = worker.current;
      if (!w) return inPage();
      w.onmessage = (e: MessageEvent<{ id: number; result: Parsed }>) => {
        if (e.data.id === latest.current) apply(e.data.result);
      };
      w.onerror = () => {
        worker.current = null;
        inPage();
      };
      w.postMessage({ id, text, format });
    }, VALIDATE_DELAY_MS);
    return () => clearTimeout(timer);
  }, [text, format]);
  return checked;
}

/** The same definition in the other format (null when the text does not parse). */
export async function convertDefinition(text: string, from: DefinitionFormat, to: DefinitionFormat): Promise<string | null> {
  const m = await loadDefinitionText();
  const r = m.parseDefinitionText(text, from);
  return r.ok ? m.definitionToText(r.definition, to) : null;
}

/** Guesses the format of an imported file from its name, else from its first character. */
export function guessFormat(name: string, text: string): DefinitionFormat {
  if (/\.json$/i.test(name)) return 'json';
  if (/\.ya?ml$/i.test(name)) return 'yaml';
  return /^\s*[[{]/.test(text) ? 'json' : 'yaml';
}

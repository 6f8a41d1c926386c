// Parses and validates a program definition off the main thread: 80 KB of YAML through the full
// schema takes a few hundred milliseconds, which would otherwise freeze typing in the editor.
import { parseDefinitionText, type DefinitionFormat } from '@lvping/domain/program/definition-text.ts';

type Scope = { onmessage: ((e: MessageEvent<{ id: number; text: string; format: DefinitionFormat }>) => void) | null; postMessage: (m: unknown) => void };
const scope = self as unknown as Scope;

scope.onmessage = (e) => {
  const { id, text, format } = e.data;
  scope.postMessage({ id, result: parseDefinitionText(text, format) });
};

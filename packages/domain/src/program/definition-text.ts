import { parse, stringify } from 'yaml';
import type { FieldError } from '../errors.ts';
import { issuesToFieldErrors } from '../api/zod-issues.ts';
import { ProgramDefinitionSchema, type ProgramDefinition } from './program-definition.schema.ts';

// Programs travel as JSON or YAML (YAML reads better for long Chinese forms). Parsing and
// validating happen here, in the browser's live editor and on the server alike.

export type DefinitionFormat = 'json' | 'yaml';

export type ParsedDefinition = { ok: true; definition: ProgramDefinition } | { ok: false; problems: FieldError[] };

export function parseDefinitionText(text: string, format: DefinitionFormat): ParsedDefinition {
  let raw: unknown;
  try {
    raw = format === 'json' ? JSON.parse(text) : parse(text, { maxAliasCount: 100 });
  } catch (e) {
    const msg = (e as Error).message.split('\n')[0];
    return { ok: false, problems: [{ path: '', message: { 'zh-CN': `${format.toUpperCase()} 语法错误：${msg}`, en: `${format.toUpperCase()} syntax error: ${msg}` } }] };
  }
  return validateDefinition(raw);
}

/** Every problem at once, each at its path, so an author can fix them in one pass. */
export function validateDefinition(raw: unknown): ParsedDefinition {
  const result = ProgramDefinitionSchema.safeParse(raw);
  return result.success ? { ok: true, definition: result.data } : { ok: false, problems: issuesToFieldErrors(result.error.issues) };
}

export function definitionToText(def: ProgramDefinition, format: DefinitionFormat): string {
  return format === 'json' ? JSON.stringify(def, null, 2) : stringify(def, { lineWidth: 0 });
}

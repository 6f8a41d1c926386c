import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseDefinitionText, type ProgramDefinition } from '@lvping/domain';

const templatesDir = fileURLToPath(new URL('../../../../../templates', import.meta.url));

let cache: ProgramDefinition[] | null = null;

/**
 * The built-in programs in templates/*.yaml, validated once. A bad file stops the start
 * with its name and every problem in it: a broken template must never ship quietly.
 */
export function readProgramTemplates(): ProgramDefinition[] {
  cache ??= readdirSync(templatesDir)
    .filter((f) => f.endsWith('.yaml'))
    .sort()
    .map((f) => {
      const parsed = parseDefinitionText(readFileSync(`${templatesDir}/${f}`, 'utf8'), 'yaml');
      if (!parsed.ok) {
        throw new Error(`templates/${f} is not a valid program:\n${parsed.problems.map((p) => `  ${p.path || '(root)'}: ${p.message.en}`).join('\n')}`);
      }
      return parsed.definition;
    });
  return cache;
}

export function findTemplate(slug: string): ProgramDefinition | undefined {
  return readProgramTemplates().find((t) => t.slug === slug);
}

import type { FileRef } from './form-template.schema.ts';

// Uploaded files as answers hold them ({ id, name, size, type }), wherever they sit: a file
// field, a signature, a group item. One walk for every use (ownership checks, reviewers' copies).

export function isFileRef(v: unknown): v is FileRef {
  if (!v || typeof v !== 'object' || Array.isArray(v)) return false;
  const o = v as Record<string, unknown>;
  return typeof o.id === 'string' && typeof o.name === 'string' && typeof o.size === 'number';
}

/** Every file reference in the answers, in the order they appear. */
export function fileRefsIn(answers: unknown, out: FileRef[] = []): FileRef[] {
  if (isFileRef(answers)) out.push({ ...answers, type: answers.type ?? '' });
  else if (Array.isArray(answers)) for (const x of answers) fileRefsIn(x, out);
  else if (answers && typeof answers === 'object') for (const x of Object.values(answers)) fileRefsIn(x, out);
  return out;
}

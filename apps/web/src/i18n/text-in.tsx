import type { ReactNode } from 'react';
import type { Lang } from '@lvping/domain/errors.ts';

// A program's own texts (names, labels, help, checklists) come from its definition, in Chinese
// with optional English beside them. In English mode a text without English is shown in Chinese,
// but marked as such ("中文") rather than mixed in silently; lang="zh-CN" also lets a screen reader
// pronounce it. User data (organization names, answers) is wrapped the same way: it is not
// translatable, and the mark says why it is Chinese.

/** The Chinese original, marked as Chinese for a reader of the English interface. */
export function ZhText({ children, block = false }: { children: ReactNode; block?: boolean }) {
  const Tag = block ? 'div' : 'span';
  return (
    <Tag lang="zh-CN" className={block ? 'zh-text zh-text-block' : 'zh-text'}>
      {children}
      <span className="zh-marker" title="Chinese only: no English version">中文</span>
    </Tag>
  );
}

/**
 * The text in `lang`: Chinese as it is, English where there is one, else the Chinese marked.
 * `block` for a multi-line text (a document body, a declaration).
 */
export function textIn(lang: Lang, zh: string | undefined, en?: string | null, block = false): ReactNode {
  if (lang === 'en' && en) return en;
  if (!zh) return zh ?? '';
  return lang === 'en' ? <ZhText block={block}>{zh}</ZhText> : zh;
}

/** For places that take a plain string (a placeholder, an aria-label, a sort key): English or the Chinese. */
export function plainTextIn(lang: Lang, zh: string, en?: string | null): string {
  return lang === 'en' && en ? en : zh;
}

/** Data someone entered (an organization's name, an answer): shown as entered, marked Chinese in English mode. */
export function userText(lang: Lang, text: string | null | undefined): ReactNode {
  if (!text) return text ?? '';
  return lang === 'en' && /[\u3400-\u9fff]/.test(text) ? <ZhText>{text}</ZhText> : text;
}

/** A list such as the organizers: the English list where it is complete, else the Chinese one marked. */
export function listIn(lang: Lang, zh: readonly string[], en?: readonly string[] | null): ReactNode {
  if (lang === 'en' && en && en.length === zh.length) return en.join(', ');
  return textIn(lang, zh.join('、'));
}

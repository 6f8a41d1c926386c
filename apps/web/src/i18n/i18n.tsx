import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import type { Lang, Localized } from '@lvping/domain/errors.ts';
import { zhCN, type MessageKey } from './zh-CN.ts';
import { en } from './en.ts';
import type { WorkMessageKey } from './work.zh-CN.ts';
import type { RecommendMessageKey } from './recommend.zh-CN.ts';
import type { ReviewMessageKey } from './review.zh-CN.ts';
import type { NotifyMessageKey } from './notify.zh-CN.ts';
import type { ExpertMessageKey } from './expert.zh-CN.ts';
import type { AssignMessageKey } from './assign.zh-CN.ts';
import type { RoundsMessageKey } from './rounds.zh-CN.ts';
import type { ScoringMessageKey } from './scoring.zh-CN.ts';
import type { ScheduleMessageKey } from './schedule.zh-CN.ts';
import type { WebhooksMessageKey } from './webhooks.zh-CN.ts';
import type { DecisionMessageKey } from './decision.zh-CN.ts';
import type { PublicationMessageKey } from './publication.zh-CN.ts';
import type { PublicityMessageKey } from './publicity.zh-CN.ts';
import type { NeedsMessageKey } from './needs.zh-CN.ts';
import type { MatchMessageKey } from './match.zh-CN.ts';
import type { CatalogMessageKey } from './catalog.zh-CN.ts';
import type { MeetingsMessageKey } from './meetings.zh-CN.ts';
import type { DealsMessageKey } from './deals.zh-CN.ts';
import type { JobsMessageKey } from './jobs.zh-CN.ts';
import type { LifecycleMessageKey } from './lifecycle.zh-CN.ts';

export type { Lang, Localized, MessageKey, WorkMessageKey };
/** Every key t() takes: the shell's, and the work areas' (registered when their pages load). */
export type AnyMessageKey = MessageKey | WorkMessageKey | RecommendMessageKey | ReviewMessageKey | NotifyMessageKey | ExpertMessageKey | AssignMessageKey | RoundsMessageKey | ScoringMessageKey | ScheduleMessageKey | WebhooksMessageKey | DecisionMessageKey | PublicationMessageKey | PublicityMessageKey | NeedsMessageKey | MatchMessageKey | CatalogMessageKey | MeetingsMessageKey | DealsMessageKey | JobsMessageKey | LifecycleMessageKey;

const dictionaries: Record<Lang, Partial<Record<AnyMessageKey, string>>> = { 'zh-CN': { ...zhCN }, en: { ...en } };

/** Adds a lazily loaded dictionary (see work.ts) to both languages. */
export function registerMessages(extra: Record<Lang, Partial<Record<AnyMessageKey, string>>>): void {
  Object.assign(dictionaries['zh-CN'], extra['zh-CN']);
  Object.assign(dictionaries.en, extra.en);
}
export const LANG_STORAGE_KEY = 'lvping.lang';

/** Chinese unless the person chose English before (the choice is remembered per browser). */
export function initialLang(): Lang {
  try {
    return localStorage.getItem(LANG_STORAGE_KEY) === 'en' ? 'en' : 'zh-CN';
  } catch {
    return 'zh-CN';
  }
}

export function translate(lang: Lang, key: AnyMessageKey, params?: Record<string, string | number>): string {
  // A key whose dictionary is not loaded yet reads as the key itself rather than crashing the page.
  const text = dictionaries[lang][key] ?? dictionaries['zh-CN'][key] ?? key;
  if (!params) return text;
  return text.replace(/\{(\w+)\}/g, (m, name: string) => (name in params ? String(params[name]) : m));
}

export type I18n = {
  lang: Lang;
  setLang: (lang: Lang) => void;
  t: (key: AnyMessageKey, params?: Record<string, string | number>) => string;
  /** Picks the current language out of a server-sent {'zh-CN', en} message. */
  pick: (text: Localized) => string;
};

const I18nContext = createContext<I18n | null>(null);

function applyLang(lang: Lang) {
  document.documentElement.lang = lang;
  dayjs.locale(lang === 'zh-CN' ? 'zh-cn' : 'en');
}

export function I18nProvider({ children }: { children: ReactNode }) {
  const [lang, setLangState] = useState<Lang>(initialLang);

  useEffect(() => applyLang(lang), [lang]);

  const setLang = useCallback((next: Lang) => {
    try {
      localStorage.setItem(LANG_STORAGE_KEY, next);
    } catch {
      // Private mode may refuse storage; the switch still works for this visit.
    }
    setLangState(next);
  }, []);

  const value = useMemo<I18n>(
    () => ({
      lang,
      setLang,
      t: (key, params) => translate(lang, key, params),
      pick: (text) => text[lang] ?? text['zh-CN'],
    }),
    [lang, setLang],
  );
  return <I18nContext.Provider value={value}>{children}</I18nContext.Provider>;
}

export function useI18n(): I18n {
  const ctx = useContext(I18nContext);
  if (!ctx) throw new Error('useI18n outside I18nProvider');
  return ctx;
}

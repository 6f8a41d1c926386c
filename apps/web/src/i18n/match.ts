// Imported by the matchmaking pages: registers their messages before they render.
import { registerMessages } from './i18n.tsx';
import { matchEn } from './match.en.ts';
import { matchZhCN } from './match.zh-CN.ts';

registerMessages({ 'zh-CN': matchZhCN, en: matchEn });

// Imported by the needs pages and the organizer's 赛马 tab: registers their messages before they render.
import { registerMessages } from './i18n.tsx';
import { needsEn } from './needs.en.ts';
import { needsZhCN } from './needs.zh-CN.ts';

registerMessages({ 'zh-CN': needsZhCN, en: needsEn });

// Imported by the deals, services and dashboard pages: registers their messages before they render.
import { registerMessages } from './i18n.tsx';
import { dealsEn } from './deals.en.ts';
import { dealsZhCN } from './deals.zh-CN.ts';

registerMessages({ 'zh-CN': dealsZhCN, en: dealsEn });

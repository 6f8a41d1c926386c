// Imported by the screening, statistics and deadline pages: registers their messages before they render.
import { registerMessages } from './i18n.tsx';
import { reviewEn } from './review.en.ts';
import { reviewZhCN } from './review.zh-CN.ts';

registerMessages({ 'zh-CN': reviewZhCN, en: reviewEn });

// Imported by the catalog pages: registers their messages before they render.
import { registerMessages } from './i18n.tsx';
import { catalogEn } from './catalog.en.ts';
import { catalogZhCN } from './catalog.zh-CN.ts';

registerMessages({ 'zh-CN': catalogZhCN, en: catalogEn });

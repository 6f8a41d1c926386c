// Imported by every work-area page: registers the work areas' messages before those pages render.
import { registerMessages } from './i18n.tsx';
import { workEn } from './work.en.ts';
import { workZhCN } from './work.zh-CN.ts';

registerMessages({ 'zh-CN': workZhCN, en: workEn });

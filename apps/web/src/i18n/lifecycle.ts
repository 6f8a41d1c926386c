// Imported by the organizer home, the overview tab and the fed application's card: registers their messages before they render.
import { registerMessages } from './i18n.tsx';
import { lifecycleEn } from './lifecycle.en.ts';
import { lifecycleZhCN } from './lifecycle.zh-CN.ts';

registerMessages({ 'zh-CN': lifecycleZhCN, en: lifecycleEn });

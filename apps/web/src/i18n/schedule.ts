// Imported by the review schedule panel, its page and the expert's schedule info: registers their messages before they render.
import { registerMessages } from './i18n.tsx';
import { scheduleEn } from './schedule.en.ts';
import { scheduleZhCN } from './schedule.zh-CN.ts';

registerMessages({ 'zh-CN': scheduleZhCN, en: scheduleEn });

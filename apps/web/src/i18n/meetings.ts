// Imported by the 对接会 pages: registers their messages before they render.
import { registerMessages } from './i18n.tsx';
import { meetingsEn } from './meetings.en.ts';
import { meetingsZhCN } from './meetings.zh-CN.ts';

registerMessages({ 'zh-CN': meetingsZhCN, en: meetingsEn });

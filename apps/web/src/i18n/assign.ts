// Imported by the assignment tab and the expert's 我的评审 page: registers their messages before they render.
import { registerMessages } from './i18n.tsx';
import { assignEn } from './assign.en.ts';
import { assignZhCN } from './assign.zh-CN.ts';

registerMessages({ 'zh-CN': assignZhCN, en: assignEn });

// Imported by the pages of 专家库 and the expert's invitation page: registers their messages before those pages render.
import { registerMessages } from './i18n.tsx';
import { expertEn } from './expert.en.ts';
import { expertZhCN } from './expert.zh-CN.ts';

registerMessages({ 'zh-CN': expertZhCN, en: expertEn });

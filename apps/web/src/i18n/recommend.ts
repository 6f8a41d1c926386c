// Imported by the pages of 推荐: registers their messages before those pages render.
import { registerMessages } from './i18n.tsx';
import { recommendEn } from './recommend.en.ts';
import { recommendZhCN } from './recommend.zh-CN.ts';

registerMessages({ 'zh-CN': recommendZhCN, en: recommendEn });

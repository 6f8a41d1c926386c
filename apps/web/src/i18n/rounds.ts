// Imported by the program admin page (the 评审 tab's label) and the review and assignment tabs: registers their messages before they render.
import { registerMessages } from './i18n.tsx';
import { roundsEn } from './rounds.en.ts';
import { roundsZhCN } from './rounds.zh-CN.ts';

registerMessages({ 'zh-CN': roundsZhCN, en: roundsEn });

// Imported by the program admin page (the 获奖决定 tab's label) and the committee pages: registers their messages before they render.
import { registerMessages } from './i18n.tsx';
import { decisionEn } from './decision.en.ts';
import { decisionZhCN } from './decision.zh-CN.ts';

registerMessages({ 'zh-CN': decisionZhCN, en: decisionEn });

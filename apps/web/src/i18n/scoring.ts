// Imported by the expert's 我的评审, scoring workspace and roadshow timer: registers their messages before they render.
import { registerMessages } from './i18n.tsx';
import { scoringEn } from './scoring.en.ts';
import { scoringZhCN } from './scoring.zh-CN.ts';

registerMessages({ 'zh-CN': scoringZhCN, en: scoringEn });

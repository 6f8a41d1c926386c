// Imported by the 公示 pages, the organizer's 公示与异议 tab, the applicant's response card and the holiday calendar editor.
import { registerMessages } from './i18n.tsx';
import { publicityEn } from './publicity.en.ts';
import { publicityZhCN } from './publicity.zh-CN.ts';

registerMessages({ 'zh-CN': publicityZhCN, en: publicityEn });

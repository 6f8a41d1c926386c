// Imported by the results and verification pages, the applicant's result card and the 发布 tab: registers their messages before they render.
import { registerMessages } from './i18n.tsx';
import { publicationEn } from './publication.en.ts';
import { publicationZhCN } from './publication.zh-CN.ts';

registerMessages({ 'zh-CN': publicationZhCN, en: publicationEn });

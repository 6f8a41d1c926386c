// Imported by the job progress bar and the admin's job page: registers their messages before they render.
import { registerMessages } from './i18n.tsx';
import { jobsEn } from './jobs.en.ts';
import { jobsZhCN } from './jobs.zh-CN.ts';

registerMessages({ 'zh-CN': jobsZhCN, en: jobsEn });

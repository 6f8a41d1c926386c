// Imported by the program admin page (the 推送 tab's label) and the webhooks tab: registers their messages before they render.
import { registerMessages } from './i18n.tsx';
import { webhooksEn } from './webhooks.en.ts';
import { webhooksZhCN } from './webhooks.zh-CN.ts';

registerMessages({ 'zh-CN': webhooksZhCN, en: webhooksEn });

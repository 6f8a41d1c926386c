// Imported by the bell: registers its messages before it renders.
import { registerMessages } from './i18n.tsx';
import { notifyEn } from './notify.en.ts';
import { notifyZhCN } from './notify.zh-CN.ts';

registerMessages({ 'zh-CN': notifyZhCN, en: notifyEn });

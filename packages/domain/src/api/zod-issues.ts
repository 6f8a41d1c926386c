import type { z } from 'zod';
import type { FieldError, Localized } from '../errors.ts';

// zod's own messages are English only; validation errors must read in zh-CN and en alike,
// so each issue is described here in both, from its code and parameters.
export function describeIssue(issue: z.core.$ZodIssue): Localized {
  switch (issue.code) {
    case 'invalid_type':
      if (issue.input === undefined) return { 'zh-CN': '此项为必填项', en: 'This field is required' };
      return { 'zh-CN': `类型错误，应为${typeZh(issue.expected)}`, en: `Wrong type: expected ${issue.expected}` };
    case 'too_small':
      if (issue.origin === 'string') {
        return Number(issue.minimum) <= 1
          ? { 'zh-CN': '此项不能为空', en: 'This field must not be empty' }
          : { 'zh-CN': `至少需要 ${issue.minimum} 个字符`, en: `Must be at least ${issue.minimum} characters` };
      }
      if (issue.origin === 'array') return { 'zh-CN': `至少需要 ${issue.minimum} 项`, en: `Needs at least ${issue.minimum} items` };
      return { 'zh-CN': `不能小于 ${issue.minimum}`, en: `Must be at least ${issue.minimum}` };
    case 'too_big':
      if (issue.origin === 'string') return { 'zh-CN': `不能超过 ${issue.maximum} 个字符`, en: `Must be at most ${issue.maximum} characters` };
      if (issue.origin === 'array') return { 'zh-CN': `不能超过 ${issue.maximum} 项`, en: `At most ${issue.maximum} items` };
      return { 'zh-CN': `不能大于 ${issue.maximum}`, en: `Must be at most ${issue.maximum}` };
    case 'invalid_format':
      if (issue.format === 'email') return { 'zh-CN': '邮箱格式不正确', en: 'Not a valid email address' };
      return { 'zh-CN': '格式不正确', en: `Invalid format (${issue.format})` };
    case 'unrecognized_keys':
      return { 'zh-CN': `不允许的字段：${issue.keys.join('、')}`, en: `Unknown field(s): ${issue.keys.join(', ')}` };
    case 'invalid_value':
      return { 'zh-CN': '取值不在允许范围内', en: 'Value is not one of the allowed options' };
    case 'custom':
      return { 'zh-CN': issue.message ?? '无效', en: (issue.params?.en as string | undefined) ?? issue.message ?? 'Invalid' };
    default:
      return { 'zh-CN': '无效的值', en: issue.message ?? 'Invalid value' };
  }
}

function typeZh(t: string): string {
  return ({ string: '文本', number: '数字', boolean: '是/否', object: '对象', array: '列表', date: '日期' } as Record<string, string>)[t] ?? t;
}

export function issuesToFieldErrors(issues: readonly z.core.$ZodIssue[], prefix = ''): FieldError[] {
  return issues.map((issue) => {
    const path = [prefix, ...issue.path.map(String)].filter(Boolean).join('.');
    // An unknown key is an error of the key itself, so point at it.
    const keyPath = issue.code === 'unrecognized_keys' && issue.keys.length === 1 ? [path, issue.keys[0]].filter(Boolean).join('.') : path;
    return { path: keyPath, message: describeIssue(issue) };
  });
}

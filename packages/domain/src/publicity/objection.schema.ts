import { z } from 'zod';
import { countChars } from '../form/text-length.ts';

// 异议: filed by real name during a 公示, by anyone, without an account. Each field's message
// says what is wrong in both languages, so the public form shows it under the field.

const msg = (zh: string, en: string) => ({ message: zh, params: { en } });

/** Mobile (1[3-9] + 9 digits, optionally +86) or landline (area code 0xx(x), 7–8 digits, optional extension). */
export function isChinesePhone(raw: string): boolean {
  const s = raw.replace(/[\s()（）]/g, '');
  return /^(?:\+?86-?)?1[3-9]\d{9}$/.test(s) || /^(?:\+?86-?)?0\d{2,3}-?\d{7,8}(?:(?:-|转|ext\.?)\d{1,6})?$/i.test(s);
}

export const OBJECTION_REASONS_MIN = 10;
export const OBJECTION_FILES_MAX = 10;

// A missing field reads "此项为必填项" (describeIssue); an empty or malformed one gets its own message below.
const required = () => z.string().trim();

export const ObjectionInputSchema = z.strictObject({
  name: required().refine((v) => v.length >= 2 && v.length <= 50, msg('请填写真实姓名（2–50 字）', 'Give your real name (2–50 characters)')),
  organization: required().refine((v) => v.length >= 2 && v.length <= 100, msg('请填写工作单位全称（2–100 字）', 'Give your organization’s full name (2–100 characters)')),
  phone: required().refine(isChinesePhone, msg('请填写有效的手机号或座机号（如 13812345678、0371-65509953）', 'Give a valid Chinese mobile or landline number (e.g. 13812345678, 0371-65509953)')),
  email: required().refine((v) => v.length <= 200 && z.email().safeParse(v).success, msg('邮箱格式不正确', 'Not a valid email address')),
  applicationId: required().refine((v) => v.length >= 1 && v.length <= 100, msg('请选择公示名单中的项目', 'Choose a project from the list')),
  reasons: required()
    .refine((v) => countChars(v) >= OBJECTION_REASONS_MIN, msg(`请写明异议理由，至少 ${OBJECTION_REASONS_MIN} 字`, `Explain your objection in at least ${OBJECTION_REASONS_MIN} characters`))
    .refine((v) => countChars(v) <= 5000, msg('异议理由不能超过 5000 字', 'At most 5000 characters')),
  fileIds: z.array(z.string().min(1).max(100)).max(OBJECTION_FILES_MAX).default([]),
});
export type ObjectionInput = z.input<typeof ObjectionInputSchema>;

/** GS-<filing day, Shanghai>-<8 random base32>: unguessable, so it alone shows the status. */
export const RECEIPT_PATTERN = /^GS-\d{8}-[A-Z2-7]{8}$/;
export const ReceiptParamsSchema = z.object({ receiptNo: z.string().trim().toUpperCase().regex(RECEIPT_PATTERN, '回执号格式：GS-年月日-8位字母数字') });

export const objectionStatuses = ['received', 'investigating', 'awaiting_response', 'ruled'] as const;
export type ObjectionStatus = (typeof objectionStatuses)[number];
export const objectionStatusNames: Record<ObjectionStatus, { 'zh-CN': string; en: string }> = {
  received: { 'zh-CN': '已受理', en: 'Received' },
  investigating: { 'zh-CN': '调查核实中', en: 'Under investigation' },
  awaiting_response: { 'zh-CN': '待申报单位说明', en: 'Awaiting the applicant’s response' },
  ruled: { 'zh-CN': '已裁定', en: 'Ruled' },
};
export const rulings = ['upheld', 'rejected'] as const;
export const consequences = ['removed', 'tier_changed', 'no_change'] as const;
export const rulingNames = { upheld: { 'zh-CN': '异议成立', en: 'Upheld' }, rejected: { 'zh-CN': '异议不成立', en: 'Rejected' } } as const;
export const consequenceNames = {
  removed: { 'zh-CN': '取消入选资格', en: 'Removed from the list' },
  tier_changed: { 'zh-CN': '调整获奖等级', en: 'Tier changed' },
  no_change: { 'zh-CN': '维持原结果', en: 'No change' },
} as const;

export const EvidenceFileSchema = z.object({ id: z.string(), name: z.string(), size: z.number(), type: z.string() });
export type EvidenceFile = z.infer<typeof EvidenceFileSchema>;

export const ObjectionReceiptSchema = z.object({ receiptNo: z.string(), status: z.enum(objectionStatuses), createdAt: z.number() });

/** What the public sees by receipt number: the status and the ruling, never who filed or internal notes. */
export const ObjectionPublicStatusSchema = z.object({
  receiptNo: z.string(),
  programName: z.string(),
  programSlug: z.string(),
  publicityTitle: z.string(),
  applicationNumber: z.string(),
  applicationTitle: z.string(),
  status: z.enum(objectionStatuses),
  createdAt: z.number(),
  ruling: z.enum(rulings).nullable(),
  rulingReason: z.string().nullable(),
  consequence: z.enum(consequences).nullable(),
  ruledAt: z.number().nullable(),
});
export type ObjectionPublicStatus = z.infer<typeof ObjectionPublicStatusSchema>;

export const ObjectionEventSchema = z.object({
  id: z.string(),
  kind: z.enum(['note', 'request', 'response', 'ruling']),
  body: z.string(),
  files: z.array(EvidenceFileSchema),
  by: z.string().nullable(),
  at: z.number(),
});

export const ObjectionSummarySchema = z.object({
  id: z.string(),
  receiptNo: z.string(),
  publicityId: z.string(),
  applicationId: z.string(),
  applicationNumber: z.string(),
  applicationTitle: z.string(),
  name: z.string(),
  organization: z.string(),
  status: z.enum(objectionStatuses),
  ruling: z.enum(rulings).nullable(),
  consequence: z.enum(consequences).nullable(),
  createdAt: z.number(),
});
export type ObjectionSummary = z.infer<typeof ObjectionSummarySchema>;

export const ObjectionDetailSchema = ObjectionSummarySchema.extend({
  phone: z.string(),
  email: z.string(),
  reasons: z.string(),
  files: z.array(EvidenceFileSchema),
  rulingReason: z.string().nullable(),
  newTierId: z.string().nullable(),
  ruledAt: z.number().nullable(),
  events: z.array(ObjectionEventSchema),
});
export type ObjectionDetail = z.infer<typeof ObjectionDetailSchema>;

export const ObjectionListSchema = z.object({ items: z.array(ObjectionSummarySchema) });

const Body = z.string().trim().min(2).max(5000);
export const ObjectionNoteRequestSchema = z.strictObject({ body: Body });
/** What the secretariat asks the applicant to explain. */
export const ResponseRequestSchema = z.strictObject({ body: Body });
export const ObjectionResponseInputSchema = z.strictObject({ body: Body, fileIds: z.array(z.string().min(1).max(100)).max(OBJECTION_FILES_MAX).default([]) });

export const RuleObjectionRequestSchema = z.strictObject({
  ruling: z.enum(rulings),
  reason: Body,
  consequence: z.enum(consequences),
  newTierId: z.string().min(1).max(64).optional(),
}).superRefine((r, ctx) => {
  if (r.ruling === 'rejected' && r.consequence !== 'no_change') ctx.addIssue({ code: 'custom', path: ['consequence'], message: '异议不成立时只能维持原结果', params: { en: 'A rejected objection changes nothing' } });
  if (r.consequence === 'tier_changed' && !r.newTierId) ctx.addIssue({ code: 'custom', path: ['newTierId'], message: '请选择调整后的等级', params: { en: 'Choose the new tier' } });
});
export type RuleObjectionRequest = z.infer<typeof RuleObjectionRequestSchema>;

/** What the applicant sees: the objection's reasons (not who filed it) and the secretariat's requests. */
export const ApplicantObjectionSchema = z.object({
  objectionId: z.string(),
  receiptNo: z.string(),
  status: z.enum(objectionStatuses),
  reasons: z.string(),
  createdAt: z.number(),
  events: z.array(ObjectionEventSchema),
  /** A request is waiting for this applicant's answer. */
  awaitingResponse: z.boolean(),
});
export const ApplicantObjectionsSchema = z.object({ items: z.array(ApplicantObjectionSchema) });
export type ApplicantObjection = z.infer<typeof ApplicantObjectionSchema>;

export const ObjectionParamsSchema = z.object({ programId: z.string().min(1).max(100), objectionId: z.string().min(1).max(100) });

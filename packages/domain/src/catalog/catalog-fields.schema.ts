import { z } from 'zod';

// The fields of one 绿色技术推广目录 entry, as the national plan lists them: 技术名称, 所属领域,
// 适用范围, 核心技术工艺, 主要技术参数, 综合效益 (numbers with units), 典型案例, 知识产权, 成熟度 (TRL),
// and a contact that is never public (inquiries reach the owner by request). The region is not a
// field: it is the owner organization's (GB/T 2260), so an entry cannot claim another place.

export const catalogIpKinds = ['granted_patents', 'pending_patents', 'licensed', 'trade_secret', 'none'] as const;
export type CatalogIpKind = (typeof catalogIpKinds)[number];
export const catalogIpKindNames: Record<CatalogIpKind, { 'zh-CN': string; en: string }> = {
  granted_patents: { 'zh-CN': '已授权专利', en: 'Granted patents' },
  pending_patents: { 'zh-CN': '专利申请中', en: 'Patents pending' },
  licensed: { 'zh-CN': '许可使用', en: 'Licensed' },
  trade_secret: { 'zh-CN': '技术秘密', en: 'Trade secret' },
  none: { 'zh-CN': '无', en: 'None' },
};

const text = (min: number, max: number) => z.string().trim().min(min).max(max);
const fixed = (zh: string, en: string) => ({ message: zh, params: { en } });
const PHONE = /^[0-9+\-() ]{6,30}$/;
const TOO_LARGE = 1e9;

/** A 2024 产业指导目录 field (glt2024-4) or the source program's track id. */
export const CatalogFieldIdSchema = z
  .string()
  .trim()
  .refine((s) => /^[A-Za-z0-9_.-]{1,100}$/.test(s), fixed('请选择所属领域（产业指导目录领域或赛道）', 'Choose a field (a catalogue field or a track)'));

/** A benefit figure: absent or null means not stated. */
const Amount = z.number().finite().min(0).max(TOO_LARGE).nullish().transform((n) => n ?? null);

export const CatalogBenefitSchema = z.strictObject({
  name: text(1, 40),
  value: z.number().finite().min(-TOO_LARGE).max(TOO_LARGE),
  unit: text(1, 20),
});

export const CatalogBenefitsSchema = z.strictObject({
  /** 年节能量, tce/year (吨标准煤/年). */
  energySavedTce: Amount,
  /** 年减排 CO₂, t/year. */
  co2ReducedT: Amount,
  /** Any other figure with its own unit (节水 万吨/年, 投资回收期 年…). */
  others: z.array(CatalogBenefitSchema).max(10).default([]),
});

export const CatalogCaseSchema = z.strictObject({
  name: text(2, 100),
  place: text(2, 100),
  year: z.number().int().min(1990).max(2100),
  description: z.string().trim().max(1000).default(''),
});

export const CatalogIpSchema = z.strictObject({
  kind: z.enum(catalogIpKinds),
  /** Patent numbers, licence terms. */
  detail: z.string().trim().max(500).default(''),
});

export const CatalogContactSchema = z.strictObject({
  name: text(1, 60),
  phone: z.string().trim().refine((s) => PHONE.test(s), fixed('电话号码格式不正确', 'Not a valid phone number')),
  email: z.email(),
});

/** What an owner submits; every version of an entry holds exactly this. */
export const CatalogFieldsSchema = z.strictObject({
  name: text(2, 100),
  fieldId: CatalogFieldIdSchema,
  /** 适用范围 */
  scope: text(10, 2000),
  /** 核心技术工艺 */
  process: text(10, 5000),
  /** 主要技术参数 */
  parameters: text(5, 3000),
  /** 综合效益 */
  benefits: CatalogBenefitsSchema,
  /** 典型案例 */
  cases: z.array(CatalogCaseSchema).min(1).max(20),
  ip: CatalogIpSchema,
  /** Technology readiness level 1–9. */
  trl: z.number().int().min(1).max(9),
  /** Never public. */
  contact: CatalogContactSchema,
});
export type CatalogFields = z.infer<typeof CatalogFieldsSchema>;
export type CatalogFieldsInput = z.input<typeof CatalogFieldsSchema>;

/** What the public sees of a version: everything but the contact. */
export type CatalogPublicFields = Omit<CatalogFields, 'contact'>;
export function catalogPublicFields(fields: CatalogFields): CatalogPublicFields {
  const { contact: _contact, ...rest } = fields;
  return rest;
}

/** The technology readiness levels, as the owner chooses them. */
export const catalogTrlNames: Record<number, { 'zh-CN': string; en: string }> = {
  1: { 'zh-CN': '1 基本原理', en: '1 Basic principles' },
  2: { 'zh-CN': '2 技术概念', en: '2 Technology concept' },
  3: { 'zh-CN': '3 概念验证', en: '3 Proof of concept' },
  4: { 'zh-CN': '4 实验室验证', en: '4 Validated in the lab' },
  5: { 'zh-CN': '5 相关环境验证', en: '5 Validated in a relevant environment' },
  6: { 'zh-CN': '6 相关环境演示', en: '6 Demonstrated in a relevant environment' },
  7: { 'zh-CN': '7 实际环境示范', en: '7 Prototype in an operational environment' },
  8: { 'zh-CN': '8 系统完成验证', en: '8 System complete and qualified' },
  9: { 'zh-CN': '9 规模化应用', en: '9 Proven in operation at scale' },
};

/**
 * The fields an awarded application gives an invited entry: the technology name from its
 * title, and the answers whose ids say what they hold (summary → 适用范围, …). The owner
 * completes the rest before submitting; a prefill is never validated as a whole.
 */
export function catalogPrefillFromAnswers(title: string, answers: Record<string, unknown>, trackId: string): Partial<CatalogFieldsInput> {
  const flat = new Map<string, unknown>();
  for (const section of Object.values(answers)) {
    if (section && typeof section === 'object' && !Array.isArray(section)) for (const [k, v] of Object.entries(section)) if (!flat.has(k)) flat.set(k, v);
  }
  const textOf = (...ids: string[]) => {
    for (const id of ids) {
      const v = flat.get(id);
      if (typeof v === 'string' && v.trim()) return v.trim();
    }
    return undefined;
  };
  const out: Partial<CatalogFieldsInput> = { name: title.slice(0, 100), fieldId: trackId };
  const scope = textOf('scope', 'applicationScope', 'summary', 'projectSummary');
  const process = textOf('process', 'coreProcess', 'technology', 'innovation', 'description');
  const parameters = textOf('parameters', 'technicalParameters', 'indicators', 'keyIndicators');
  if (scope) out.scope = scope.slice(0, 2000);
  if (process) out.process = process.slice(0, 5000);
  if (parameters) out.parameters = parameters.slice(0, 3000);
  return out;
}

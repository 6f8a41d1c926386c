// 统一社会信用代码 (unified social credit code), GB 32100-2015:
//   1      登记管理部门代码 (registration authority)       e.g. 9 = 市场监管 (工商)
//   2      机构类别代码 (type of organization)             e.g. 1 = 企业
//   3–8    登记管理机关行政区划码 (GB/T 2260 region code, six digits)
//   9–17   主体标识码 (the former organization code, GB 11714)
//   18     校验码: weights 3^i mod 31, check = 31 − (Σ mod 31), 31 → 0
// Letters I, O, Z, S, V are never used, so that they cannot be mistaken for 1, 0, 2, 5, U.

export const CREDIT_CODE_CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

/**
 * Registration authorities and the organization types each may register (GB 32100-2015 annex A
 * and the codes allotted since: A 中央军委改革和编制办公室, N 农业农村). Real codes beyond these
 * are rare; the structure check exists to catch typing a different number into the field.
 */
export const CREDIT_CODE_AUTHORITIES: Readonly<Record<string, { name: string; types: Record<string, string> }>> = {
  '1': { name: '机构编制', types: { '1': '机关', '2': '事业单位', '3': '中央编办直接管理机构编制的群众团体', '9': '其他' } },
  '2': { name: '外交', types: { '1': '外国常驻新闻机构', '9': '其他' } },
  '3': {
    name: '司法行政',
    types: { '1': '律师执业机构', '2': '公证处', '3': '基层法律服务所', '4': '司法鉴定机构', '5': '仲裁委员会', '9': '其他' },
  },
  '4': { name: '文化', types: { '1': '外国在华文化中心', '9': '其他' } },
  '5': { name: '民政', types: { '1': '社会团体', '2': '民办非企业单位', '3': '基金会', '9': '其他' } },
  '6': { name: '旅游', types: { '1': '外国旅游部门常驻代表机构', '2': '港澳台地区旅游部门常驻内地（大陆）代表机构', '9': '其他' } },
  '7': { name: '宗教', types: { '1': '宗教活动场所', '2': '宗教院校', '9': '其他' } },
  '8': { name: '工会', types: { '1': '基层工会', '9': '其他' } },
  '9': { name: '工商', types: { '1': '企业', '2': '个体工商户', '3': '农民专业合作社' } },
  A: { name: '中央军委改革和编制办公室', types: { '1': '军队事业单位', '9': '其他' } },
  N: { name: '农业', types: { '1': '组级集体经济组织', '2': '村级集体经济组织', '3': '乡镇级集体经济组织', '9': '其他' } },
  Y: { name: '其他', types: { '1': '其他' } },
};

export type CreditCodeProblem = 'length' | 'charset' | 'lowercase' | 'authority' | 'region' | 'checksum';

/** The check character for the first 17 characters, or undefined if they are not 17 valid ones. */
export function creditCodeCheckChar(first17: string): string | undefined {
  if (first17.length !== 17) return undefined;
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const v = CREDIT_CODE_CHARSET.indexOf(first17[i]);
    if (v < 0) return undefined;
    sum += v * WEIGHTS[i];
  }
  return CREDIT_CODE_CHARSET[(31 - (sum % 31)) % 31];
}

/** Why a string is not a valid credit code (the first problem found), or undefined when it is one. */
export function creditCodeProblem(s: string): CreditCodeProblem | undefined {
  if (s.length !== 18) return 'length';
  for (const ch of s) {
    if (CREDIT_CODE_CHARSET.includes(ch)) continue;
    return CREDIT_CODE_CHARSET.includes(ch.toUpperCase()) ? 'lowercase' : 'charset';
  }
  const authority = CREDIT_CODE_AUTHORITIES[s[0]];
  if (!authority || !(s[1] in authority.types)) return 'authority';
  if (!/^\d{6}$/.test(s.slice(2, 8))) return 'region';
  return creditCodeCheckChar(s.slice(0, 17)) === s[17] ? undefined : 'checksum';
}

/** Whether s is a well-formed unified social credit code with a correct check character. */
export function isValidCreditCode(s: string): boolean {
  return creditCodeProblem(s) === undefined;
}

/** Trims and upper-cases user input: what a form should store once the user leaves the box. */
export function normalizeCreditCode(s: string): string {
  return s.replace(/[\s\u3000]/g, '').toUpperCase();
}

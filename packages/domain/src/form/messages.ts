import type { Localized } from '../errors.ts';
import type { CreditCodeProblem } from './credit-code.ts';

// Every message the form engine shows, in both languages, in one place so that wording stays
// consistent between kinds and the browser shows exactly what the server would.

const L = (zh: string, en: string): Localized => ({ 'zh-CN': zh, en });

const regionLevelZh = { province: '省级', city: '地市级', county: '区县级' } as const;
const industryLevelZh = { section: '门类', division: '大类', group: '中类', class: '小类' } as const;

export const formMessages = {
  notObject: () => L('答案格式错误，应为对象', 'Answers must be an object'),
  unknownSection: () => L('未知的部分', 'Unknown section'),
  unknownField: () => L('未知的字段', 'Unknown field'),
  notYours: (filledBy: 'applicant' | 'recommender') =>
    filledBy === 'recommender'
      ? L('此部分由推荐单位填写', 'This part is filled in by the recommending unit')
      : L('此部分由申报单位填写', 'This part is filled in by the applicant'),
  required: () => L('此项为必填项', 'This field is required'),
  computedGiven: () => L('此项自动计算，无需填写', 'This value is calculated; do not fill it in'),

  wrongType: (zh: string, en: string) => L(`类型错误，应为${zh}`, `Wrong type: expected ${en}`),
  tooLong: (max: number, now: number) => L(`不能超过 ${max} 字（当前 ${now} 字）`, `At most ${max} characters (now ${now})`),
  tooShort: (min: number, now: number) => L(`不能少于 ${min} 字（当前 ${now} 字）`, `At least ${min} characters (now ${now})`),
  email: () => L('邮箱格式不正确', 'Not a valid email address'),
  phone: () => L('电话号码格式不正确', 'Not a valid phone number'),
  url: () => L('网址格式不正确', 'Not a valid web address'),

  notInteger: () => L('应为整数', 'Must be a whole number'),
  belowMin: (min: number | string, unit = '') => L(`不能小于 ${min}${unit}`, `Must be at least ${min}${unit ? ` ${unit}` : ''}`),
  aboveMax: (max: number | string, unit = '') => L(`不能大于 ${max}${unit}`, `Must be at most ${max}${unit ? ` ${unit}` : ''}`),

  badDate: (format: string) => L(`日期格式应为 ${format}`, `Date must be written as ${format}`),
  dateBefore: (min: string) => L(`不能早于 ${min}`, `Must not be before ${min}`),
  dateAfter: (max: string) => L(`不能晚于 ${max}`, `Must not be after ${max}`),

  notAnOption: () => L('不是有效的选项', 'Not one of the options'),
  otherNotAllowed: () => L('此项不允许填写“其他”', '"Other" is not allowed here'),
  otherEmpty: () => L('请填写“其他”的具体内容', 'Please specify "other"'),
  duplicateChoice: () => L('选项重复', 'Chosen more than once'),
  tooFewChosen: (min: number) => L(`至少选择 ${min} 项`, `Choose at least ${min}`),
  tooManyChosen: (max: number) => L(`至多选择 ${max} 项`, `Choose at most ${max}`),

  badRegion: () => L('不是有效的行政区划代码', 'Not a valid administrative region code'),
  regionLevel: (level: keyof typeof regionLevelZh) =>
    L(`请选择到${regionLevelZh[level]}行政区划`, `Choose a region down to ${level} level`),
  badIndustry: () => L('不是有效的行业代码', 'Not a valid industry code'),
  industryLevel: (level: keyof typeof industryLevelZh) =>
    L(`请选择到${industryLevelZh[level]}或更细一级`, `Choose a code at ${level} level or finer`),
  trl: () => L('技术成熟度应为 1–9 的整数', 'TRL must be a whole number from 1 to 9'),

  creditCode: (problem: CreditCodeProblem, length: number): Localized => {
    switch (problem) {
      case 'length':
        return L(`统一社会信用代码应为 18 位（当前 ${length} 位）`, `A unified social credit code has 18 characters (now ${length})`);
      case 'lowercase':
        return L('统一社会信用代码中的字母应为大写', 'Letters in the credit code must be upper case');
      case 'charset':
        return L('统一社会信用代码含有无效字符（不使用 I、O、Z、S、V）', 'The credit code has an invalid character (I, O, Z, S, V are never used)');
      case 'authority':
        return L('统一社会信用代码前两位（登记管理部门和机构类别）无效', 'The first two characters (authority and type) are not valid');
      case 'region':
        return L('统一社会信用代码第 3–8 位应为行政区划代码', 'Characters 3–8 must be a region code');
      case 'checksum':
        return L('统一社会信用代码校验位不正确，请核对', 'The check character does not match; please check the code');
    }
  },

  badFile: () => L('文件信息不完整', 'Incomplete file information'),
  fileType: (accept: readonly string[]) =>
    L(`文件类型不允许（允许：${accept.join('、')}）`, `File type not allowed (allowed: ${accept.join(', ')})`),
  fileSize: (maxMB: number) => L(`文件不能超过 ${maxMB} MB`, `File must be at most ${maxMB} MB`),
  tooFewFiles: (min: number) => L(`至少上传 ${min} 个文件`, `Upload at least ${min} files`),
  tooManyFiles: (max: number) => L(`最多上传 ${max} 个文件`, `Upload at most ${max} files`),

  declaration: () => L('请阅读并勾选承诺申明', 'Please read and tick the declaration'),
  signatureFile: (signer: string, signerEn: string) => L(`请上传加盖${signer}的签章页`, `Please upload the page stamped with the ${signerEn}`),
  signatureDate: () => L('请填写盖章日期', 'Please fill in the date of the stamp'),

  tooFewItems: (min: number) => L(`至少需要 ${min} 项`, `Needs at least ${min} items`),
  tooManyItems: (max: number) => L(`不能超过 ${max} 项`, `At most ${max} items`),
};

// The one error type of lvping. Pure: the browser and the server both use it, so a
// message reads the same wherever it is shown.

export type Lang = 'zh-CN' | 'en';
export type Localized = { 'zh-CN': string; en: string };

/** Every error code and the HTTP status it maps to: the one map. */
export const errorStatus = {
  VALIDATION: 400,
  BAD_JSON: 400,
  BAD_MULTIPART: 400,
  UNAUTHENTICATED: 401,
  SESSION_EXPIRED: 401,
  INVALID_CREDENTIALS: 401,
  CSRF_INVALID: 403,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  REQUEST_TIMEOUT: 408,
  CONFLICT: 409,
  EMAIL_TAKEN: 409,
  TOKEN_INVALID: 400,
  STALE_REVISION: 409,
  DEADLINE_PASSED: 409,
  CALL_NOT_OPEN: 409,
  QUOTA_EXHAUSTED: 409,
  FILE_TYPE_MISMATCH: 415,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  ACCOUNT_LOCKED: 429,
  RATE_LIMITED: 429,
  SHUTTING_DOWN: 503,
  INTERNAL: 500,
} as const;

export type ErrorCode = keyof typeof errorStatus;

const defaultMessages: Record<ErrorCode, Localized> = {
  VALIDATION: { 'zh-CN': '提交的内容有误，请检查标出的字段', en: 'Some fields are invalid; please check the marked fields' },
  BAD_JSON: { 'zh-CN': '请求内容不是有效的 JSON', en: 'The request body is not valid JSON' },
  BAD_MULTIPART: { 'zh-CN': '上传内容格式有误（multipart/form-data），请重新选择文件上传', en: 'The upload is not well-formed multipart/form-data; choose the file and upload it again' },
  UNAUTHENTICATED: { 'zh-CN': '请先登录', en: 'Please log in first' },
  SESSION_EXPIRED: { 'zh-CN': '登录已过期，请重新登录', en: 'Your session has expired; please log in again' },
  INVALID_CREDENTIALS: { 'zh-CN': '邮箱或密码错误', en: 'Wrong email or password' },
  CSRF_INVALID: { 'zh-CN': '安全校验失败，请刷新页面后重试', en: 'Security check failed; reload the page and try again' },
  FORBIDDEN: { 'zh-CN': '您没有执行此操作的权限', en: 'You are not allowed to do this' },
  NOT_FOUND: { 'zh-CN': '未找到请求的内容', en: 'Not found' },
  REQUEST_TIMEOUT: { 'zh-CN': '请求超时：上传内容长时间未到达，连接已关闭，请重试', en: 'The request timed out: its body stopped arriving, so the connection was closed; please try again' },
  CONFLICT: { 'zh-CN': '操作与当前状态冲突', en: 'This conflicts with the current state' },
  EMAIL_TAKEN: { 'zh-CN': '该邮箱已注册', en: 'This email is already registered' },
  TOKEN_INVALID: { 'zh-CN': '链接无效或已过期，请重新申请', en: 'The link is invalid or has expired; please request a new one' },
  STALE_REVISION: { 'zh-CN': '内容已在其他窗口或由他人修改，请刷新后再保存', en: 'This was changed elsewhere (another tab or person); reload before saving' },
  DEADLINE_PASSED: { 'zh-CN': '已过截止时间，不能再提交', en: 'The deadline has passed; it can no longer be submitted' },
  CALL_NOT_OPEN: { 'zh-CN': '该活动当前不在征集期', en: 'This call is not open now' },
  QUOTA_EXHAUSTED: { 'zh-CN': '本单位该榜单/赛道推荐名额已用完', en: 'Your unit has used up its recommendation quota for this track' },
  FILE_TYPE_MISMATCH: { 'zh-CN': '文件内容与扩展名不符或类型不被允许', en: 'The file content does not match its extension, or the type is not allowed' },
  PAYLOAD_TOO_LARGE: { 'zh-CN': '提交的内容过大', en: 'The request is too large' },
  UNSUPPORTED_MEDIA_TYPE: { 'zh-CN': '不支持的内容类型', en: 'Unsupported content type' },
  ACCOUNT_LOCKED: { 'zh-CN': '登录失败次数过多，账号已临时锁定', en: 'Too many failed logins; the account is temporarily locked' },
  RATE_LIMITED: { 'zh-CN': '请求过于频繁，请稍后再试', en: 'Too many requests; please try again later' },
  SHUTTING_DOWN: { 'zh-CN': '服务正在重启，请稍后再试', en: 'The service is restarting; please try again shortly' },
  INTERNAL: { 'zh-CN': '服务器内部错误，请稍后再试', en: 'Internal server error; please try again later' },
};

export type FieldError = { path: string; message: Localized };

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly status: number;
  readonly localized: Localized;
  readonly fields?: FieldError[];
  readonly details?: Record<string, unknown>;

  constructor(code: ErrorCode, opts: { message?: Localized; fields?: FieldError[]; details?: Record<string, unknown> } = {}) {
    const localized = opts.message ?? defaultMessages[code];
    super(localized.en);
    this.name = 'AppError';
    this.code = code;
    this.status = errorStatus[code];
    this.localized = localized;
    this.fields = opts.fields;
    this.details = opts.details;
  }
}

export function defaultMessage(code: ErrorCode): Localized {
  return defaultMessages[code];
}

export function isAppError(e: unknown): e is AppError {
  return e instanceof AppError;
}

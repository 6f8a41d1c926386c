// The one way the web app talks to the server: same-origin JSON, the CSRF header on every
// state-changing request, and every failure turned into an ApiError with a message in both languages.
import type { FieldError, Localized } from '@lvping/domain/errors.ts';
import { defaultMessage, type ErrorCode } from '@lvping/domain/errors.ts';

/** Codes the server sends, plus NETWORK for a request that never got an answer. */
export type ApiErrorCode = ErrorCode | 'NETWORK';

export class ApiError extends Error {
  readonly code: ApiErrorCode | (string & {});
  readonly status: number;
  readonly localized: Localized;
  readonly fields: FieldError[];
  readonly requestId?: string;
  /** Extra facts some errors carry: currentRevision on STALE_REVISION, applicationId on CONFLICT. */
  readonly details: Record<string, unknown>;

  constructor(init: { code: string; status: number; message: Localized; fields?: FieldError[]; requestId?: string; details?: Record<string, unknown> }) {
    super(init.message.en);
    this.name = 'ApiError';
    this.code = init.code;
    this.status = init.status;
    this.localized = init.message;
    this.fields = init.fields ?? [];
    this.requestId = init.requestId;
    this.details = init.details ?? {};
  }
}

export function isApiError(e: unknown): e is ApiError {
  return e instanceof ApiError;
}

const networkMessage: Localized = { 'zh-CN': '网络连接失败，请检查网络后重试', en: 'Network error; check your connection and try again' };

let csrfToken = '';
export function setCsrfToken(token: string): void {
  csrfToken = token;
}

// The session context registers these: a 401 means the session ended elsewhere (expired,
// logged out in another tab), and a CSRF failure means our token is stale.
type Hooks = { onUnauthenticated?: () => void; refreshCsrf?: () => Promise<void> };
const hooks: Hooks = {};
export function setClientHooks(next: Hooks): void {
  Object.assign(hooks, next);
}

function isLocalized(v: unknown): v is Localized {
  return !!v && typeof v === 'object' && typeof (v as Localized)['zh-CN'] === 'string' && typeof (v as Localized).en === 'string';
}

/** Reads an error response whatever it holds: the server's ErrorBody, or a proxy's HTML page. */
async function toApiError(res: Response): Promise<ApiError> {
  let body: unknown = null;
  try {
    body = await res.json();
  } catch {
    // Not JSON (a proxy error page, an empty 502): fall back to the status.
  }
  const err = (body as { error?: unknown } | null)?.error as
    | { code?: unknown; message?: unknown; fields?: unknown; requestId?: unknown; details?: unknown }
    | undefined;
  if (err && typeof err.code === 'string' && isLocalized(err.message)) {
    const fields = Array.isArray(err.fields)
      ? err.fields.filter((f): f is FieldError => !!f && typeof f.path === 'string' && isLocalized(f.message))
      : [];
    return new ApiError({
      code: err.code,
      status: res.status,
      message: err.message,
      fields,
      requestId: typeof err.requestId === 'string' ? err.requestId : undefined,
      details: err.details && typeof err.details === 'object' ? (err.details as Record<string, unknown>) : undefined,
    });
  }
  const code: ErrorCode = res.status === 401 ? 'UNAUTHENTICATED' : res.status === 403 ? 'FORBIDDEN' : res.status === 404 ? 'NOT_FOUND' : 'INTERNAL';
  return new ApiError({ code, status: res.status, message: defaultMessage(code) });
}

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

async function send(method: Method, path: string, body: unknown): Promise<Response> {
  const headers: Record<string, string> = { accept: 'application/json' };
  // FormData (uploads) sets its own multipart content type with the boundary.
  const multipart = typeof FormData !== 'undefined' && body instanceof FormData;
  if (method !== 'GET') {
    if (!multipart) headers['content-type'] = 'application/json';
    headers['x-csrf-token'] = csrfToken;
  }
  try {
    return await fetch(path, {
      method,
      headers,
      credentials: 'same-origin',
      body: method === 'GET' ? undefined : multipart ? (body as FormData) : JSON.stringify(body ?? {}),
    });
  } catch {
    throw new ApiError({ code: 'NETWORK', status: 0, message: networkMessage });
  }
}

/** Sends a request and returns the successful response, or throws the ApiError of a failed one. */
async function sendChecked(method: Method, path: string, body?: unknown): Promise<Response> {
  let res = await send(method, path, body);
  if (!res.ok) {
    let error = await toApiError(res);
    // A stale token (the session rotated in another tab): fetch a fresh one and try once more.
    if (error.code === 'CSRF_INVALID' && hooks.refreshCsrf) {
      await hooks.refreshCsrf();
      res = await send(method, path, body);
      if (res.ok) return res;
      error = await toApiError(res);
    }
    // A wrong password is also a 401, but it says nothing about the current session.
    if (error.status === 401 && error.code !== 'INVALID_CREDENTIALS') hooks.onUnauthenticated?.();
    throw error;
  }
  return res;
}

export async function request<T>(method: Method, path: string, body?: unknown): Promise<T> {
  return parseOk<T>(await sendChecked(method, path, body));
}

/** A GET whose answer is a file (PDF, Excel, YAML): the bytes and the name the server gave it. */
export async function fetchFile(path: string): Promise<{ blob: Blob; filename: string | null; text: () => Promise<string> }> {
  const res = await sendChecked('GET', path);
  const filename = filenameFromDisposition(res.headers.get('content-disposition'));
  const blob = await res.blob();
  return { blob, filename, text: () => blob.text() };
}

/**
 * The file name of a Content-Disposition header: RFC 5987 `filename*=UTF-8''…` (how Chinese names
 * travel) wins over the plain `filename="…"`; null when there is none.
 */
export function filenameFromDisposition(header: string | null): string | null {
  if (!header) return null;
  const star = /filename\*\s*=\s*(?:UTF-8|utf-8)''([^;]+)/.exec(header);
  if (star) {
    try {
      return decodeURIComponent(star[1].trim().replace(/^"|"$/g, ''));
    } catch {
      // A malformed escape: fall through to the plain name.
    }
  }
  const plain = /filename\s*=\s*("([^"]*)"|[^;]+)/.exec(header);
  if (!plain) return null;
  return (plain[2] ?? plain[1]).trim() || null;
}

async function parseOk<T>(res: Response): Promise<T> {
  if (res.status === 204) return undefined as T;
  try {
    return (await res.json()) as T;
  } catch {
    throw new ApiError({ code: 'INTERNAL', status: res.status, message: defaultMessage('INTERNAL') });
  }
}

export const api = {
  get: <T>(path: string) => request<T>('GET', path),
  post: <T>(path: string, body: unknown = {}) => request<T>('POST', path, body),
  put: <T>(path: string, body: unknown) => request<T>('PUT', path, body),
  patch: <T>(path: string, body: unknown) => request<T>('PATCH', path, body),
  delete: <T>(path: string) => request<T>('DELETE', path, {}),
  /** multipart/form-data POST (one part per entry), with the CSRF header like every write. */
  upload: <T>(path: string, form: FormData) => request<T>('POST', path, form),
};

// A multipart upload that reports its progress (fetch cannot), failing with the same ApiError
// every other call throws.
import { defaultMessage, type ErrorCode, type FieldError, type Localized } from '@lvping/domain/errors.ts';
import { api, ApiError } from './client.ts';

export type UploadOptions = {
  /** 0–100 as the bytes leave the browser. */
  onProgress?: (percent: number) => void;
  signal?: AbortSignal;
};

const networkMessage: Localized = { 'zh-CN': '网络连接失败，请检查网络后重试', en: 'Network error; check your connection and try again' };
const abortedMessage: Localized = { 'zh-CN': '已取消上传', en: 'Upload cancelled' };

const isLocalized = (v: unknown): v is Localized =>
  !!v && typeof v === 'object' && typeof (v as Localized)['zh-CN'] === 'string' && typeof (v as Localized).en === 'string';

/** The server's ErrorBody of a failed upload as the ApiError every other call throws (see client.ts). */
function errorOf(status: number, text: string): ApiError {
  let body: unknown = null;
  try {
    body = JSON.parse(text);
  } catch {
    // Not JSON (a proxy's page): the status says what there is.
  }
  const err = (body as { error?: Record<string, unknown> } | null)?.error;
  if (err && typeof err.code === 'string' && isLocalized(err.message)) {
    const fields = Array.isArray(err.fields) ? err.fields.filter((f): f is FieldError => !!f && typeof f.path === 'string' && isLocalized(f.message)) : [];
    return new ApiError({
      code: err.code, status, message: err.message, fields,
      requestId: typeof err.requestId === 'string' ? err.requestId : undefined,
      details: err.details && typeof err.details === 'object' ? (err.details as Record<string, unknown>) : undefined,
    });
  }
  const code: ErrorCode = status === 401 ? 'UNAUTHENTICATED' : status === 403 ? 'FORBIDDEN' : status === 404 ? 'NOT_FOUND' : status === 413 ? 'PAYLOAD_TOO_LARGE' : 'INTERNAL';
  return new ApiError({ code, status, message: defaultMessage(code) });
}

/**
 * A multipart POST (part "file") through XMLHttpRequest, which (unlike fetch) reports upload
 * progress. The CSRF token is the session's, read fresh from GET /api/auth/session (it is not
 * rotated by reading it), so a token rotated in another tab does not fail the upload.
 */
export async function uploadWithProgress<T>(path: string, file: File, { onProgress, signal }: UploadOptions): Promise<T> {
  const { csrfToken } = await api.get<{ csrfToken: string }>('/api/auth/session');
  const form = new FormData();
  form.append('file', file, file.name);
  return new Promise<T>((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', path);
    xhr.withCredentials = true;
    xhr.setRequestHeader('accept', 'application/json');
    xhr.setRequestHeader('x-csrf-token', csrfToken);
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable && e.total > 0) onProgress?.(Math.min(100, Math.floor((e.loaded / e.total) * 100)));
    };
    xhr.onload = () => {
      if (xhr.status >= 200 && xhr.status < 300) {
        try {
          resolve(JSON.parse(xhr.responseText) as T);
        } catch {
          reject(new ApiError({ code: 'INTERNAL', status: xhr.status, message: defaultMessage('INTERNAL') }));
        }
        return;
      }
      reject(errorOf(xhr.status, xhr.responseText));
    };
    xhr.onerror = () => reject(new ApiError({ code: 'NETWORK', status: 0, message: networkMessage }));
    xhr.onabort = () => reject(new ApiError({ code: 'ABORTED', status: 0, message: abortedMessage }));
    if (signal) {
      if (signal.aborted) {
        reject(new ApiError({ code: 'ABORTED', status: 0, message: abortedMessage }));
        return;
      }
      signal.addEventListener('abort', () => xhr.abort(), { once: true });
    }
    xhr.send(form);
  });
}

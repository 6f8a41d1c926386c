import { Transform, type Readable } from 'node:stream';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { AppError, type Localized } from '@lvping/domain';
import { contentDisposition } from './download.ts';

const badMultipart = (message: Localized) => new AppError('BAD_MULTIPART', { message });
const noBoundary = () => badMultipart({
  'zh-CN': 'Content-Type 为 multipart/form-data 但缺少 boundary 参数，无法解析上传内容',
  en: 'Content-Type is multipart/form-data but has no boundary parameter, so the upload cannot be parsed',
});
const interrupted = () => badMultipart({ 'zh-CN': '上传在完成前中断', en: 'The upload ended before it was complete' });

/** A multipart boundary is 1–70 characters (RFC 2046), quoted or not. */
const hasBoundary = (contentType: string | undefined) => /;\s*boundary=(?:"[^"]{1,70}"|[^\s;"]{1,70})/i.test(contentType ?? '');

/** Parser errors (busboy's, @fastify/multipart's) as a 4xx with a clear message; limit errors keep their 413. */
function asUploadError(e: unknown): unknown {
  if (e instanceof AppError) return e;
  const err = e as { statusCode?: number; message?: string; code?: string };
  if (err.statusCode && err.statusCode >= 400 && err.statusCode < 500) return e;
  if (err.code === 'ERR_STREAM_PREMATURE_CLOSE' || err.code === 'ECONNRESET') return interrupted();
  if (/boundary|multipart|unexpected end|malformed|terminated early/i.test(err.message ?? '')) {
    return badMultipart({ 'zh-CN': `上传内容格式有误：${err.message}`, en: `The upload is not well-formed multipart/form-data: ${err.message}` });
  }
  return e;
}

/**
 * Watches one upload: fails it with 408 when no bytes arrive for `idleMs`, and with "interrupted"
 * when the client goes away before the body is complete. A failure destroys the stream handed to
 * the service, so receiveToTemp's pipeline rejects and removes its temp file.
 */
function watchUpload(req: FastifyRequest, idleMs: number) {
  let failure: unknown = null;
  let onFail: ((e: unknown) => void) | null = null;
  let rejectWait: (e: unknown) => void = () => {};
  const failed = new Promise<never>((_, reject) => (rejectWait = reject));
  failed.catch(() => {});
  let timer: NodeJS.Timeout | undefined;
  const fail = (e: unknown) => {
    if (failure) return;
    failure = e;
    stop();
    rejectWait(e);
    onFail?.(e);
  };
  const arm = () => {
    if (failure || idleMs <= 0) return;
    clearTimeout(timer);
    timer = setTimeout(() => fail(new AppError('REQUEST_TIMEOUT')), idleMs).unref();
  };
  const onClose = () => {
    if (req.raw.complete === false) fail(interrupted());
  };
  const stop = () => {
    clearTimeout(timer);
    req.raw.off('close', onClose);
  };
  req.raw.on('close', onClose);
  arm();

  /** The part's bytes as the service reads them: each chunk re-arms the idle deadline. */
  const guard = (file: Readable & { truncated?: boolean }): Readable => {
    const out = new Transform({
      transform(chunk: Buffer, _enc, cb) {
        arm();
        cb(null, chunk);
      },
    });
    onFail = (e) => out.destroy(e as Error);
    // Its reader (receiveToTemp's pipeline) hears the error; an upload nobody read must not crash.
    out.on('error', () => {});
    req.endUpload = () => {
      stop();
      out.destroy();
    };
    if (failure) out.destroy(failure as Error);
    file.on('error', (e) => out.destroy(asUploadError(e) as Error));
    // Past @fastify/multipart's fileSize the part is cut short and would look complete.
    file.on('limit', () => out.destroy(new AppError('PAYLOAD_TOO_LARGE')));
    file.pipe(out);
    out.once('close', () => {
      stop();
      if (!file.readableEnded) file.destroy();
    });
    return out;
  };
  return { failed, fail, stop, guard, get failure() { return failure; } };
}

/** The one file part ("file") of a multipart upload, under the upload deadlines. */
export async function singleFile(req: FastifyRequest): Promise<{ filename: string; stream: Readable }> {
  if (!req.isMultipart()) throw new AppError('UNSUPPORTED_MEDIA_TYPE');
  if (!hasBoundary(req.headers['content-type'])) throw noBoundary();
  const watch = watchUpload(req, req.server.bodyIdleTimeoutMs);
  const next = req.file();
  // Given up (408, client gone) before the part came: whatever comes later is dropped.
  next.then((p) => { if (watch.failure) p?.file.destroy(); }, () => {});
  let part: Awaited<typeof next>;
  try {
    part = await Promise.race([next, watch.failed]);
  } catch (e) {
    watch.stop();
    throw asUploadError(e);
  }
  if (!part || part.fieldname !== 'file') {
    watch.stop();
    part?.file.resume();
    throw new AppError('VALIDATION', { fields: [{ path: 'file', message: { 'zh-CN': '请选择文件', en: 'Choose a file' } }] });
  }
  return { filename: part.filename, stream: watch.guard(part.file) };
}

/** Sends a stored file as a download; nosniff, so a browser never runs it as something else. */
export function sendStoredFile(reply: FastifyReply, f: { name: string; mime: string; size: number; stream: Readable }) {
  return reply
    .header('content-type', f.mime)
    .header('content-length', f.size)
    .header('content-disposition', contentDisposition(f.name))
    .header('x-content-type-options', 'nosniff')
    .send(f.stream);
}

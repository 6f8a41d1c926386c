import type { Readable } from 'node:stream';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { AppError } from '@lvping/domain';
import { contentDisposition } from './download.ts';

/** The one file part ("file") of a multipart upload. */
export async function singleFile(req: FastifyRequest): Promise<{ filename: string; stream: Readable }> {
  if (!req.isMultipart()) throw new AppError('UNSUPPORTED_MEDIA_TYPE');
  const part = await req.file();
  if (!part || part.fieldname !== 'file') throw new AppError('VALIDATION', { fields: [{ path: 'file', message: { 'zh-CN': '请选择文件', en: 'Choose a file' } }] });
  return { filename: part.filename, stream: part.file };
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

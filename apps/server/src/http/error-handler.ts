import { randomUUID } from 'node:crypto';
import type { FastifyError, FastifyInstance } from 'fastify';
import { AppError, defaultMessage, type ErrorBody, type ErrorCode } from '@lvping/domain';

// Fastify's own errors (body parsing, limits) mapped onto ours, so clients see one shape.
function fromFastifyError(e: FastifyError): AppError | null {
  if (e.code === 'FST_ERR_CTP_BODY_TOO_LARGE') return new AppError('PAYLOAD_TOO_LARGE');
  if (e.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE') return new AppError('UNSUPPORTED_MEDIA_TYPE');
  if (e.code === 'FST_ERR_CTP_EMPTY_JSON_BODY' || e.code === 'FST_ERR_CTP_INVALID_JSON_BODY' || e instanceof SyntaxError) return new AppError('BAD_JSON');
  if (e.statusCode && e.statusCode >= 400 && e.statusCode < 500) {
    const code: ErrorCode = e.statusCode === 404 ? 'NOT_FOUND' : e.statusCode === 415 ? 'UNSUPPORTED_MEDIA_TYPE' : e.statusCode === 413 ? 'PAYLOAD_TOO_LARGE' : 'VALIDATION';
    return new AppError(code, { message: { ...defaultMessage(code), en: e.message || defaultMessage(code).en } });
  }
  return null;
}

export function errorBody(err: AppError, requestId?: string): ErrorBody {
  return { error: { code: err.code, message: err.localized, fields: err.fields, details: err.details, requestId } };
}

export function installErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    const known = error instanceof AppError ? error : fromFastifyError(error);
    if (known) {
      if (known.status >= 500) request.log.error({ err: error }, known.code);
      return reply.status(known.status).send(errorBody(known, request.id));
    }
    // Unknown: log everything under an id, tell the client only the id.
    const errorId = randomUUID();
    request.log.error({ err: error, errorId }, 'unhandled error');
    const internal = new AppError('INTERNAL', { details: { errorId } });
    return reply.status(500).send(errorBody(internal, request.id));
  });
}

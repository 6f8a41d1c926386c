import { promisify } from 'node:util';
import { brotliCompress, constants as zlib, gzip } from 'node:zlib';
import type { FastifyInstance, FastifyReply } from 'fastify';

// Compresses API answers (JSON, and any other text answer) above a size, when the client accepts
// it. The web app's own files are compressed once at build time (vite.config.ts writes .br/.gz
// beside them) and served by @fastify/static's preCompressed, so nothing here touches them.
//
// What is left alone, on purpose:
// - streams (file downloads, the Excel/ZIP exports, static files): a stream is sent as it comes,
//   and the ZIP's progress bar counts its bytes against a known total;
// - binary types (PDF, xlsx, zip, images): already compressed, another pass only costs CPU;
// - answers with content-disposition (downloads: the browser saves them) or no-transform;
// - small answers: under the threshold the headers cost more than the saving.
// Brotli at quality 4 is ~gzip's speed at a better ratio; level 11 would cost ~50× the time per
// request. The work runs on libuv's thread pool (the async zlib calls), not the event loop.

const brotli = promisify(brotliCompress);
const gz = promisify(gzip);

export const COMPRESS_MIN_BYTES = 1024;
const COMPRESSIBLE = /^(application\/(json|problem\+json|javascript|xml|yaml)|text\/|image\/svg\+xml)/i;

type Coding = 'br' | 'gzip';

/**
 * The coding to use for an Accept-Encoding header: br, else gzip, else none. Honours q-values
 * (`br;q=0` refuses brotli) and `*` for codings not named.
 */
export function pickEncoding(header: string | string[] | undefined): Coding | null {
  if (!header) return null;
  const q = new Map<string, number>();
  for (const part of String(header).toLowerCase().split(',')) {
    const [name, ...params] = part.trim().split(';');
    if (!name) continue;
    const qParam = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
    const value = qParam ? Number(qParam.slice(2)) : 1;
    q.set(name.trim(), Number.isFinite(value) ? value : 0);
  }
  const accepts = (c: Coding) => (q.get(c) ?? q.get('*') ?? 0) > 0;
  if (accepts('br')) return 'br';
  if (accepts('gzip')) return 'gzip';
  return null;
}

function addVary(reply: FastifyReply) {
  const vary = String(reply.getHeader('vary') ?? '');
  if (!/(^|,)\s*(accept-encoding|\*)\s*(,|$)/i.test(vary)) reply.header('vary', vary ? `${vary}, Accept-Encoding` : 'Accept-Encoding');
}

export function installCompression(app: FastifyInstance, minBytes = COMPRESS_MIN_BYTES): void {
  app.addHook('onSend', async (request, reply, payload) => {
    if (typeof payload !== 'string' && !Buffer.isBuffer(payload)) return payload;
    if (request.method === 'HEAD' || reply.statusCode === 204 || reply.statusCode === 304) return payload;
    if (reply.hasHeader('content-encoding') || reply.hasHeader('content-disposition')) return payload;
    if (!COMPRESSIBLE.test(String(reply.getHeader('content-type') ?? ''))) return payload;
    if (/no-transform/i.test(String(reply.getHeader('cache-control') ?? ''))) return payload;
    const size = Buffer.byteLength(payload);
    if (size < minBytes) return payload;
    // From here the answer depends on Accept-Encoding, whichever coding this client gets.
    addVary(reply);
    const coding = pickEncoding(request.headers['accept-encoding']);
    if (!coding) return payload;
    const body = coding === 'br'
      ? await brotli(payload, { params: { [zlib.BROTLI_PARAM_QUALITY]: 4, [zlib.BROTLI_PARAM_SIZE_HINT]: size } })
      : await gz(payload, { level: 6 });
    reply.header('content-encoding', coding);
    // Fastify sets the length of what is returned here.
    reply.removeHeader('content-length');
    return body;
  });
}

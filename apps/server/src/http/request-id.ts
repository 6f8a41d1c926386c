import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

// A request id goes into every log line and audit row of its request. A client's own value is
// taken only from the proxy in front (TRUST_PROXY=1), which sets or forwards it, so one id follows
// a request end to end; otherwise anyone could plant ids (or log-breaking text) in our records.

/** What a proxy's id may look like: a UUID, a hex trace id, nginx's $request_id, "abc-123.4". */
const SANE_ID = /^[A-Za-z0-9._:-]{1,128}$/;

export function requestIdGenerator(trustProxy: boolean): (req: IncomingMessage) => string {
  return (req) => {
    const sent = trustProxy ? req.headers['x-request-id'] : undefined;
    return typeof sent === 'string' && SANE_ID.test(sent) ? sent : randomUUID();
  };
}

// POST /api/applications/:id/files: an applicant's 8 KB PDF attachment, 8 uploads at once
// (closed loop, autocannon). The whole path: session and CSRF, the per-user upload limit
// (a counter upserted in the database), ownership and the form's field, the multipart stream
// hashed and counted into DATA_DIR/tmp, the content checked (file-type) against the extension
// and the field's accept list, the move to DATA_DIR/files/<sha256> and the rows recorded.
// Every upload is different content, as real ones are. Aim (issue 12): ≥ 400/s, p95 ≤ 50 ms.
import type autocannon from 'autocannon';
import { findProgram, multipartFile, pdfOfSize, prepareDrafts, SEAL_FIELD, type Applicant } from '../applicants.ts';
import { startLvping, type Engine } from '../lvping.ts';
import { measure } from '../measure.ts';
import type { Scenario } from '../scenario.ts';

export const UPLOAD_GROUP = 'POST upload';
const CONNECTIONS = 8;
const PDF_BYTES = 8 * 1024;
/** Applicants the uploads rotate over: each has an upload budget of its own (RATE_LIMIT_UPLOAD). */
const APPLICANTS = 40;

type State = { url: string; applicants: Applicant[] };

export function uploadScenario(engine: Engine): Scenario<State> {
  return {
    name: `upload: POST /api/applications/:id/files (8 KB PDF, ${CONNECTIONS} at once)`,
    engine,
    group: UPLOAD_GROUP,
    async setup(ctx) {
      const server = await startLvping(ctx, engine, { DEMO_DATA: '1' });
      const programId = await findProgram(server.url);
      const applicants = await prepareDrafts(ctx, server.url, programId, APPLICANTS, APPLICANTS, 'upload');
      return { url: server.url, applicants };
    },
    async run({ url, applicants }, ctx) {
      let n = 0;
      let firstFailure: string | null = null;
      const request: autocannon.Request = {
        setupRequest(req) {
          const a = applicants[n % applicants.length];
          const { body, contentType } = multipartFile(`附件${n}.pdf`, 'application/pdf', pdfOfSize(PDF_BYTES, n));
          n++;
          return { ...req, method: 'POST', path: `/api/applications/${a.id}/files?field=${SEAL_FIELD}`, headers: { cookie: a.cookie, 'x-csrf-token': a.csrfToken, 'content-type': contentType }, body };
        },
        onResponse(status, body) {
          if (status !== 200) firstFailure ??= `${status} ${body.slice(0, 300)}`;
        },
      };
      let m;
      try {
        m = await measure(url, { connections: CONNECTIONS, requests: [request] });
      } catch (err) {
        throw firstFailure ? new Error(`${err instanceof Error ? err.message : String(err)}; first non-2xx: ${firstFailure}`, { cause: err }) : err;
      }
      const p95 = m.p95Ms ?? NaN;
      const met = m.reqPerSec >= 400 && p95 <= 50;
      ctx.log(`${m.requests} uploads of ${PDF_BYTES} bytes over ${applicants.length} applicants; p95 ${p95.toFixed(2)} ms; aim ≥ 400/s and p95 ≤ 50 ms: ${met ? 'met' : 'NOT MET'}`);
      return m;
    },
  };
}

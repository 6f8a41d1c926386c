import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import http from 'node:http';
import https from 'node:https';
import { isIP, type LookupFunction } from 'node:net';
import type { Config } from '../../config.ts';
import { addressAllowed } from './webhook-target.ts';

// One POST to a receiver. The host's addresses are checked when the connection is made (not
// only when the endpoint was registered), redirects are not followed (a 3xx is a failure like
// any other non-2xx), and the answer is read only as far as a short snippet for the log.

export type SendResult = { ok: true; status: number } | { ok: false; status: number | null; error: string };

const refused = (host: string) => new Error(`refused: ${host} resolves to a private or reserved address`);

/** dns.lookup, refusing addresses the endpoint may not reach. */
const guardedLookup = (config: Config['webhooks']): LookupFunction => (hostname, options, callback) => {
  dnsLookup(hostname, { ...options, all: true }, (err, addresses: LookupAddress[]) => {
    if (err) return callback(err, '', 4);
    const allowed = addresses.filter((a) => addressAllowed(a.address, config));
    if (!allowed.length) return callback(refused(hostname), '', 4);
    if (options.all) return (callback as unknown as (e: null, a: LookupAddress[]) => void)(null, allowed);
    callback(null, allowed[0].address, allowed[0].family);
  });
};

export function postWebhook(url: string, headers: Record<string, string>, body: string, config: Config['webhooks']): Promise<SendResult> {
  const u = new URL(url);
  const host = u.hostname.replace(/^\[|\]$/g, '');
  // A literal address never goes through lookup: check it here.
  if (isIP(host) && !addressAllowed(host, config)) return Promise.resolve({ ok: false, status: null, error: refused(host).message });
  const client = u.protocol === 'https:' ? https : http;
  return new Promise((resolve) => {
    let settled = false;
    const done = (r: SendResult) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve(r);
    };
    const req = client.request(u, {
      method: 'POST', lookup: guardedLookup(config), agent: false,
      headers: { ...headers, 'content-length': Buffer.byteLength(body).toString(), 'user-agent': 'lvping-webhooks/1' },
    }, (res) => {
      const status = res.statusCode ?? 0;
      let snippet = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => {
        if (snippet.length < 200) snippet += chunk;
      });
      res.on('end', () => done(status >= 200 && status < 300 ? { ok: true, status } : { ok: false, status, error: `HTTP ${status}${snippet.trim() ? `: ${snippet.trim().slice(0, 200)}` : ''}` }));
      res.on('error', (err) => done({ ok: false, status, error: err.message }));
    });
    const timer = setTimeout(() => {
      done({ ok: false, status: null, error: `no answer within ${Math.round(config.timeoutMs / 1000)} s` });
      req.destroy();
    }, config.timeoutMs);
    req.on('error', (err) => done({ ok: false, status: null, error: err.message }));
    req.end(body);
  });
}

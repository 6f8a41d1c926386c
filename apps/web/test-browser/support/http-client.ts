// The server's JSON API from a test, as a browser uses it: a cookie jar, the CSRF token from
// GET /api/auth/session echoed in x-csrf-token on every write, multipart uploads. For setting up
// data where the UI is not what a test is about.
import assert from 'node:assert/strict';

export type ApiReply<T = any> = { status: number; json: T };

export type HttpClient = {
  get: <T = any>(path: string) => Promise<ApiReply<T>>;
  post: <T = any>(path: string, body?: unknown) => Promise<ApiReply<T>>;
  put: <T = any>(path: string, body: unknown) => Promise<ApiReply<T>>;
  upload: <T = any>(path: string, name: string, bytes: Buffer, type: string) => Promise<ApiReply<T>>;
  /** Fails the test unless the reply has this status; returns its JSON. */
  ok: <T = any>(reply: Promise<ApiReply<T>>, status?: number) => Promise<T>;
};

export async function httpClient(baseUrl: string): Promise<HttpClient> {
  const jar = new Map<string, string>();
  let csrf = '';
  const send = async (method: string, path: string, body?: unknown, form?: FormData): Promise<ApiReply> => {
    const headers: Record<string, string> = { accept: 'application/json', cookie: [...jar].map(([k, v]) => `${k}=${v}`).join('; ') };
    if (method !== 'GET') {
      headers['x-csrf-token'] = csrf;
      if (!form) headers['content-type'] = 'application/json';
    }
    const res = await fetch(baseUrl + path, { method, headers, body: method === 'GET' ? undefined : (form ?? JSON.stringify(body ?? {})) });
    for (const c of res.headers.getSetCookie()) {
      const [pair] = c.split(';');
      const i = pair.indexOf('=');
      jar.set(pair.slice(0, i), pair.slice(i + 1));
    }
    const text = await res.text();
    let json: unknown = text;
    try {
      json = JSON.parse(text);
    } catch {
      // Not JSON (a file): the text is what there is.
    }
    // Signing in or out rotates the token; the session answer carries the new one.
    const token = (json as { csrfToken?: unknown } | null)?.csrfToken;
    if (typeof token === 'string') csrf = token;
    return { status: res.status, json };
  };
  await send('GET', '/api/auth/session');
  return {
    get: (path) => send('GET', path),
    post: (path, body) => send('POST', path, body),
    put: (path, body) => send('PUT', path, body),
    upload: (path, name, bytes, type) => {
      const form = new FormData();
      form.append('file', new Blob([new Uint8Array(bytes)], { type }), name);
      return send('POST', path, undefined, form);
    },
    ok: async (reply, status = 200) => {
      const r = await reply;
      assert.equal(r.status, status, JSON.stringify(r.json).slice(0, 800));
      return r.json;
    },
  };
}

/** A client signed in as an existing account. */
export async function signedIn(baseUrl: string, email: string, password: string): Promise<HttpClient> {
  const c = await httpClient(baseUrl);
  await c.ok(c.post('/api/auth/login', { email, password }));
  return c;
}

/** A client of a newly registered account. */
export async function registered(baseUrl: string, email: string, password: string, displayName: string): Promise<HttpClient> {
  const c = await httpClient(baseUrl);
  await c.ok(c.post('/api/auth/register', { email, password, displayName }));
  return c;
}

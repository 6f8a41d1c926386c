import assert from 'node:assert/strict';
import { createProgram, setProgramStatus } from '../../src/features/programs/program.service.ts';
import { resolveSession } from '../../src/features/auth/auth.service.ts';
import type { Actor } from '../../src/context.ts';
import type { Client, Harness } from './harness.ts';
import { testProgram } from './program-fixture.ts';

// Steps shared by the application tests: an admin who sets up programs, applicants with organizations.

export async function actorOf(h: Harness, c: Client): Promise<Actor> {
  const r = await resolveSession(h.deps, c.cookies.get('lvping_session'));
  assert.equal(r.state, 'ok');
  return (r as { actor: Actor }).actor;
}

/** A published test program created through the service as a platform admin. */
export async function openProgram(h: Harness, admin: Actor, slug: string, days?: { before: number; after: number }) {
  const created = await createProgram(h.deps, admin, { from: 'text', format: 'json', text: JSON.stringify(testProgram(slug, h.deps.now(), days)) });
  return setProgramStatus(h.deps, admin, created.id, 'open');
}

/** Valid credit codes for test organizations (check characters computed per GB 32100). */
export const creditCodes = ['91350100M000100Y43', '91110000802100433B', '91440300708461136T', '91310000132200821H'];

export async function applicantWithOrg(h: Harness, email: string, creditCode: string, regionCode = '110105') {
  const c = h.client();
  assert.equal((await c.register(email)).statusCode, 200);
  const org = await c.post('/api/organizations', {
    name: `测试企业 ${email}`, creditCode, regionCode, kind: 'enterprise', address: '北京市朝阳区',
    contactName: '张三', contactPhone: '010-12345678', contactEmail: email,
  });
  assert.equal(org.statusCode, 200, org.body);
  return { client: c, orgId: org.json().id as string };
}

/** A multipart body with one file part, as a browser sends it. */
export function multipart(filename: string, content: Buffer | string, type = 'application/octet-stream') {
  const boundary = `----lvping${Math.random().toString(16).slice(2)}`;
  const head = `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: ${type}\r\n\r\n`;
  const body = Buffer.concat([Buffer.from(head), Buffer.isBuffer(content) ? content : Buffer.from(content), Buffer.from(`\r\n--${boundary}--\r\n`)]);
  return { body, contentType: `multipart/form-data; boundary=${boundary}` };
}

/** The smallest real PDF and PNG headers: enough for content sniffing. */
export const samplePdf = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');
export const samplePng = Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da63f8ffff3f0005fe02fea7d6a4a00000000049454e44ae426082', 'hex');

import assert from 'node:assert/strict';
import { PDFDocument } from 'pdf-lib';
import type { ProgramDefinitionInput } from '@lvping/domain';
import { createProgram, setProgramStatus } from '../../src/features/programs/program.service.ts';
import type { Actor } from '../../src/context.ts';
import type { Client, Harness } from './harness.ts';
import { mailText, type startSmtpServer } from './smtp.ts';
import { multipart } from './journey.ts';
import { testProgram } from './program-fixture.ts';

// Review-round tests' shared steps: the test program with two rounds (a blind online round
// with a 基本要求 gate, then a roadshow taking the top 2 per track, then a site visit for the best), experts invited and
// accepted, and applications carried to "passed screening".

export function reviewProgram(slug: string, now: number): ProgramDefinitionInput {
  const def = testProgram(slug, now);
  const day = 86_400_000;
  const at = (d: number) => new Date(now + d * day).toISOString().slice(0, 10);
  def.phases = [
    def.phases[0],
    { id: 'chuping', kind: 'preliminary', name: '初评', startsAt: at(11), endsAt: at(20) },
    { id: 'luyan', kind: 'roadshow', name: '路演答辩', startsAt: at(21), endsAt: at(25) },
    { id: 'kaocha', kind: 'site_visit', name: '现场考察', startsAt: at(26), endsAt: at(30) },
  ];
  def.forms[0].sections.splice(1, 0, {
    id: 'contact',
    title: '联系人',
    fields: [
      { id: 'name', kind: 'text', label: '联系人姓名', maxChars: 20 },
      { id: 'phone', kind: 'text', label: '联系电话', maxChars: 30 },
    ],
  });
  def.review = {
    reviewsPerApplication: 2,
    affinityFields: [{ form: 'main', fields: ['basic.projectName', 'basic.summary'] }],
    rubrics: [{
      id: 'r',
      name: '评分标准',
      gates: [{ id: 'faren', name: '具有独立法人资格' }],
      criteria: [
        { id: 'tech', name: '技术先进性', weight: 60, max: 10, commentBelow: 4 },
        { id: 'benefit', name: '减排效果', weight: 40, levels: [{ score: 0, text: '不明显' }, { score: 5, text: '一般' }, { score: 10, text: '显著' }] },
      ],
    }],
    rounds: [
      { id: 'chuping', phase: 'chuping', rubric: 'r', blind: true, identifying: [{ form: 'main', fields: ['contact', 'basic.license'] }] },
      { id: 'luyan', phase: 'luyan', rubric: 'r', entry: { kind: 'topN', n: 2 }, reviewsPerApplication: 2, timing: { presentMinutes: 8, qaMinutes: 7 } },
      { id: 'kaocha', phase: 'kaocha', rubric: 'r', entry: { kind: 'topN', n: 1 }, reviewsPerApplication: 1 },
    ],
  };
  return def;
}

export async function openReviewProgram(h: Harness, admin: Actor, slug: string): Promise<string> {
  const created = await createProgram(h.deps, admin, { from: 'text', format: 'json', text: JSON.stringify(reviewProgram(slug, h.deps.now())) });
  return (await setProgramStatus(h.deps, admin, created.id, 'open')).id;
}

/** A real PDF whose metadata names its author, as office software writes it. */
export async function pdfWithAuthor(author: string): Promise<Buffer> {
  const pdf = await PDFDocument.create();
  pdf.addPage([200, 200]);
  pdf.setAuthor(author);
  pdf.setTitle(`${author} 营业执照`);
  return Buffer.from(await pdf.save());
}

/** A submitted application of the review program, with contacts and an attachment. */
export async function submittedForReview(c: Client, programId: string, orgId: string, basic: Record<string, unknown>, contact: { name: string; phone: string }, licensePdf: Buffer) {
  const created = await c.post('/api/applications', { programId, trackId: 'green', organizationId: orgId });
  assert.equal(created.statusCode, 200, created.body);
  const id = created.json().id as string;
  const up = await c.upload(`/api/applications/${id}/files?field=basic.license`, multipart('某某公司营业执照.pdf', licensePdf, 'application/pdf'));
  assert.equal(up.statusCode, 200, up.body);
  const answers = { basic: { revenue: 1200, license: up.json(), ...basic }, contact, pledge: { declaration: true } };
  const saved = await c.put(`/api/applications/${id}/draft`, { answers, baseRevision: 0 });
  assert.equal(saved.statusCode, 200, saved.body);
  const r = await c.post(`/api/applications/${id}/submit`, { baseRevision: saved.json().revision });
  assert.equal(r.statusCode, 200, r.body);
  return { id, revision: r.json().revision as number, number: r.json().number as string };
}

/** Experts created in the pool, invited to the program, accepted from the emailed link. */
export async function acceptedExpertsFor(h: Harness, admin: Client, smtp: Awaited<ReturnType<typeof startSmtpServer>>, programId: string, profiles: { name: string; orgName: string; keywords: string[]; bio: string }[], prefix: string, fields = ['green'], maxLoad = 10) {
  const out: { id: string; email: string; client: Client }[] = [];
  for (const [i, p] of profiles.entries()) {
    const email = `${prefix}${i}@example.com`;
    const created = await admin.post('/api/experts', { ...p, fields, email });
    assert.equal(created.statusCode, 200, created.body);
    const invited = await admin.post(`/api/programs/${programId}/experts/invitations`, { expertIds: [created.json().id] });
    assert.equal(invited.statusCode, 200, invited.body);
    const token = /\/expert\/invitation\?token=([A-Za-z0-9_-]+)/.exec(mailText((await smtp.waitForMail(email)).raw))![1];
    const c = h.client();
    await c.register(email);
    const accepted = await c.post('/api/expert-invitations/accept', { token, maxLoad });
    assert.equal(accepted.statusCode, 200, accepted.body);
    out.push({ id: created.json().id, email, client: c });
  }
  return out;
}

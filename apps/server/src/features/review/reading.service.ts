import { readFile } from 'node:fs/promises';
import { PDFDocument, PDFName } from 'pdf-lib';
import { AppError, fileRefsIn, MASK, redactApplication, type ApplicationStatus, type FormAnswers, type FormTemplate, type ReviewReading } from '@lvping/domain';
import type { Actor, Deps } from '../../context.ts';
import { formOf } from '../applications/application.service.ts';
import { renderApplicationPdf } from '../documents/index.ts';
import { findApplicationFile } from '../files/file.repository.ts';
import { storedPath } from '../files/file-store.ts';
import { trackNameOf } from '../experts/program-experts.service.ts';
import { findOrganizationById } from '../organizations/organization.repository.ts';
import { openAssignment } from './sheet.service.ts';
import { unitName } from './review.repository.ts';
import { findSlot, findVisit } from './schedule.repository.ts';

// The application as its reviewer reads it: the reading view, its attachments and the
// reviewer's 申报书 PDF. In a blind round all three come out of one redaction (redact.ts):
// identifying answers removed, identifying values masked everywhere else, files renamed,
// and PDF attachments stripped of their metadata (author, title, XMP).

type Opened = Awaited<ReturnType<typeof openAssignment>>;

async function reviewerCopy(deps: Deps, o: Opened) {
  const form = await formOf(deps.db, o.app);
  const answers = JSON.parse(o.app.answers_json) as FormAnswers;
  const org = (await findOrganizationById(deps.db, o.app.organization_id))!;
  const blind = o.round.round?.blind ?? false;
  if (!blind) return { blind, org, form, answers, files: new Map(fileRefsIn(answers).map((f) => [f.id, f.name])) };
  const unit = await unitName(deps.db, o.app.unit_id);
  const refs = (o.round.round?.identifying ?? []).filter((x) => x.form === o.app.form_id).flatMap((x) => x.fields);
  const known = [org.name, org.credit_code, org.address, org.contact_name, org.contact_phone, org.contact_email, unit];
  const r = redactApplication(form, answers, refs, known);
  return { blind, org, form: r.template, answers: r.answers, files: r.files };
}

/** The files the reviewer is shown, under the names they are served by. */
const fileRefs = (answers: unknown, shown: Map<string, string>): ReviewReading['files'] =>
  fileRefsIn(answers).filter((f) => shown.has(f.id)).map((f) => ({ ...f, name: shown.get(f.id)! }));

export async function readAssigned(deps: Deps, actor: Actor | null, assignmentId: string): Promise<ReviewReading> {
  const o = await openAssignment(deps, actor, assignmentId);
  const c = await reviewerCopy(deps, o);
  const key = { programId: o.row.program_id, roundId: o.round.id, applicationId: o.app.id };
  const [visit, slot] = await Promise.all([findVisit(deps.db, key), findSlot(deps.db, key)]);
  const report = visit?.report_file_id ? await findApplicationFile(deps.db, o.app.id, visit.report_file_id) : undefined;
  return {
    // A visit's address names the applicant: a blind round shows none (a blind visit is a contradiction anyway).
    visit: visit && !c.blind ? { date: visit.visit_date, team: visit.team, address: visit.address, report: report ? { id: report.id, name: report.name } : null } : null,
    slot: slot ? { panel: slot.panel, startsAt: slot.starts_at, place: slot.place } : null,
    assignmentId, programName: o.ref.def.name, roundId: o.round.id, roundName: o.round.name, roundKind: o.round.phase?.kind ?? null, applicationNumber: o.app.number,
    trackName: trackNameOf(o.ref.def, o.app.track_id) ?? o.app.track_id, blind: c.blind, orgName: c.blind ? null : c.org.name,
    form: c.form, answers: c.answers, files: fileRefs(c.answers, c.files),
  };
}

/** PDF metadata can name the author (often the applicant's staff): a blind copy carries none. */
async function withoutMetadata(bytes: Buffer): Promise<Buffer> {
  const pdf = await PDFDocument.load(bytes, { updateMetadata: false, ignoreEncryption: true });
  pdf.setTitle('');
  pdf.setAuthor('');
  pdf.setSubject('');
  pdf.setKeywords([]);
  pdf.setCreator('lvping');
  pdf.setProducer('lvping');
  pdf.catalog.delete(PDFName.of('Metadata'));
  return Buffer.from(await pdf.save({ useObjectStreams: false }));
}

export async function readAssignedFile(deps: Deps, actor: Actor | null, assignmentId: string, fileId: string): Promise<{ name: string; mime: string; body: Buffer }> {
  const o = await openAssignment(deps, actor, assignmentId);
  const c = await reviewerCopy(deps, o);
  const visit = await findVisit(deps.db, { programId: o.row.program_id, roundId: o.round.id, applicationId: o.app.id });
  const isReport = !c.blind && visit?.report_file_id === fileId;
  const name = c.files.get(fileId) ?? (isReport ? (await findApplicationFile(deps.db, o.app.id, fileId))?.name : undefined);
  const f = name === undefined ? undefined : await findApplicationFile(deps.db, o.app.id, fileId);
  if (!f || name === undefined) throw new AppError('NOT_FOUND');
  const bytes = await readFile(storedPath(deps.config.dataDir, f.sha256));
  if (!c.blind || f.mime !== 'application/pdf') return { name, mime: f.mime, body: bytes };
  try {
    return { name, mime: f.mime, body: await withoutMetadata(bytes) };
  } catch {
    // A PDF pdf-lib cannot rewrite is not served blind at all rather than served as it is.
    throw new AppError('CONFLICT', { message: { 'zh-CN': '该附件无法去除文档信息，匿名评审中不提供下载', en: 'This attachment cannot be stripped of its document information, so it is not offered in a blind round' } });
  }
}

/** The reviewer's 申报书: the form as rendered for reviewers (blind: redacted, organization masked). */
export async function assignedPdf(deps: Deps, actor: Actor | null, assignmentId: string): Promise<{ filename: string; pdf: Buffer }> {
  const o = await openAssignment(deps, actor, assignmentId);
  const c = await reviewerCopy(deps, o);
  const org = c.blind
    ? { name: MASK, creditCode: MASK, regionCode: c.org.region_code, address: MASK, contactName: MASK, contactPhone: MASK }
    : { name: c.org.name, creditCode: c.org.credit_code, regionCode: c.org.region_code, address: c.org.address, contactName: c.org.contact_name, contactPhone: c.org.contact_phone };
  const pdf = await renderApplicationPdf({
    programName: o.ref.def.name, trackName: trackNameOf(o.ref.def, o.app.track_id) ?? o.app.track_id, form: c.form as FormTemplate, answers: c.answers,
    organization: org, number: o.app.number, submittedAt: o.app.submitted_at, status: o.app.status as ApplicationStatus,
  });
  return { filename: `${o.app.number}-评审用申报书.pdf`, pdf };
}

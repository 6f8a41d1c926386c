import type { Readable } from 'node:stream';
import { AppError, type ApplicantObjection, type EvidenceFile, type ObjectionStatus } from '@lvping/domain';
import type { Actor, Deps } from '../../context.ts';
import { newId } from '../../db/ids.ts';
import { loadOwnHead } from '../applications/application-access.ts';
import { appendAudit } from '../audit/audit.repository.ts';
import { openStored, storeRecorded } from '../files/file-store.ts';
import { insertFileOnce } from '../files/file.repository.ts';
import { addNotice } from '../notifications/notification.service.ts';
import { receiveCheckedFile } from '../recommendation/checked-upload.ts';
import { EVIDENCE_ACCEPT, EVIDENCE_MAX_MB } from './objection.service.ts';
import { eventsOf, findObjectionById, insertObjectionEvent, insertObjectionFile, objectionFiles, objectionsOfApplication, updateObjection } from './publicity.repository.ts';

// The applicant's side of an investigation: the objections the secretariat asked it to answer,
// with the reasons (never who objected, nor the secretariat's notes), and its answer in text and
// files. Only the application's owner.

export async function applicantObjections(deps: Deps, actor: Actor | null, applicationId: string): Promise<{ items: ApplicantObjection[] }> {
  await loadOwnHead(deps, actor, applicationId);
  const all = await objectionsOfApplication(deps.db, applicationId);
  const events = await eventsOf(deps.db, all.map((o) => o.id));
  const shown = events.filter((e) => e.kind === 'request' || e.kind === 'response' || e.kind === 'ruling');
  const files = new Map((await objectionFiles(deps.db, shown.flatMap((e) => JSON.parse(e.file_ids_json) as string[]))).map((f) => [f.id, { id: f.id, name: f.name, size: Number(f.size), type: f.mime } satisfies EvidenceFile]));
  const items = all
    .filter((o) => shown.some((e) => e.objection_id === o.id && e.kind === 'request'))
    .map((o) => ({
      objectionId: o.id, receiptNo: o.receipt_no, status: o.status as ObjectionStatus, reasons: o.reasons, createdAt: o.created_at,
      awaitingResponse: o.status === 'awaiting_response',
      events: shown.filter((e) => e.objection_id === o.id).map((e) => ({
        id: e.id, kind: e.kind as 'request' | 'response' | 'ruling', body: e.body, at: e.created_at,
        // The secretariat speaks as the secretariat; the applicant's own answers by name.
        by: e.kind === 'response' ? e.by_name ?? null : null,
        files: (JSON.parse(e.file_ids_json) as string[]).map((id) => files.get(id)).filter((f): f is EvidenceFile => !!f),
      })),
    }));
  return { items };
}

async function awaiting(deps: Deps, actor: Actor | null, applicationId: string, objectionId: string) {
  await loadOwnHead(deps, actor, applicationId);
  const o = await findObjectionById(deps.db, objectionId);
  if (!o || o.application_id !== applicationId) throw new AppError('NOT_FOUND');
  if (o.status !== 'awaiting_response') throw new AppError('CONFLICT', { message: { 'zh-CN': '秘书处目前没有要求您就此异议作出说明', en: 'The secretariat is not waiting for your response to this objection' } });
  return o;
}

export async function uploadResponseFile(deps: Deps, actor: Actor | null, applicationId: string, objectionId: string, upload: { filename: string; stream: Readable }): Promise<EvidenceFile> {
  let o;
  try {
    o = await awaiting(deps, actor, applicationId, objectionId);
  } catch (e) {
    upload.stream.resume();
    throw e;
  }
  const { stored, name, mime } = await receiveCheckedFile(deps, upload, EVIDENCE_ACCEPT, EVIDENCE_MAX_MB);
  const id = newId();
  const now = deps.now();
  await storeRecorded(deps.config.dataDir, stored, () => deps.db.transaction().execute(async (trx) => {
    await insertFileOnce(trx, { sha256: stored.sha256, size: stored.size, mime, now });
    await insertObjectionFile(trx, { id, program_id: o.program_id, objection_id: o.id, purpose: 'response', sha256: stored.sha256, name, size: stored.size, mime, uploaded_by: actor!.userId, ip: null, created_at: now });
  }));
  return { id, name, size: stored.size, type: mime };
}

export async function respondToObjection(deps: Deps, actor: Actor | null, applicationId: string, objectionId: string, input: { body: string; fileIds: string[] }, requestId: string | null = null) {
  const o = await awaiting(deps, actor, applicationId, objectionId);
  const fileIds = [...new Set(input.fileIds)];
  const files = await objectionFiles(deps.db, fileIds);
  if (files.length !== fileIds.length || files.some((f) => f.objection_id !== o.id || f.purpose !== 'response' || f.uploaded_by !== actor!.userId)) {
    throw new AppError('VALIDATION', { fields: [{ path: 'fileIds', message: { 'zh-CN': '附件无效，请重新上传', en: 'Unknown attachment: upload it again' } }] });
  }
  const now = deps.now();
  const events = await eventsOf(deps.db, [o.id]);
  const requester = [...events].reverse().find((e) => e.kind === 'request')?.created_by ?? null;
  await deps.db.transaction().execute(async (trx) => {
    if (!(await updateObjection(trx, o.id, { status: 'investigating' }, 'ruled'))) throw new AppError('CONFLICT');
    await insertObjectionEvent(trx, { id: newId(), objection_id: o.id, kind: 'response', body: input.body, file_ids_json: JSON.stringify(fileIds), created_by: actor!.userId, created_at: now });
    await appendAudit(trx, { actorId: actor!.userId, action: 'objection.respond', entity: 'objection', entityId: o.id, after: { receiptNo: o.receipt_no, files: fileIds.length }, requestId }, now);
    if (requester) await addNotice(trx, { userId: requester, kind: 'objection.response', title: `申报单位已就异议 ${o.receipt_no} 作出说明`, body: input.body.slice(0, 200), link: `/organizer/programs/${o.program_id}?tab=publicity` }, now);
  });
  return applicantObjections(deps, actor, applicationId);
}

/** The applicant's own response attachments (never the objector's evidence). */
export async function applicantObjectionFile(deps: Deps, actor: Actor | null, applicationId: string, objectionId: string, fileId: string) {
  await loadOwnHead(deps, actor, applicationId);
  const o = await findObjectionById(deps.db, objectionId);
  const f = (await objectionFiles(deps.db, [fileId]))[0];
  if (!o || o.application_id !== applicationId || !f || f.objection_id !== o.id || f.purpose !== 'response') throw new AppError('NOT_FOUND');
  return { name: f.name, mime: f.mime, size: Number(f.size), stream: openStored(deps.config.dataDir, f.sha256) as Readable };
}

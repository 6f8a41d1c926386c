import { randomBytes } from 'node:crypto';
import type { Readable } from 'node:stream';
import {
  AppError, formatShanghai, formatShanghaiDeadline, type EvidenceFile, type ObjectionInput, type ObjectionPublicStatus, type ObjectionStatus,
} from '@lvping/domain';
import type { Deps } from '../../context.ts';
import { newId } from '../../db/ids.ts';
import { appendAudit } from '../audit/audit.repository.ts';
import { storeRecorded } from '../files/file-store.ts';
import { insertFileOnce } from '../files/file.repository.ts';
import { enqueueMail } from '../jobs/mail-job.ts';
import { receiveCheckedFile } from '../recommendation/checked-upload.ts';
import { loadPublicPublicity } from './publicity.service.ts';
import {
  claimEvidence, countObjectionsFrom, countUploadsFrom, findItem, findObjectionByReceipt, findPublicityById, insertObjection, insertObjectionFile, objectionFiles,
} from './publicity.repository.ts';
import { acceptsObjections } from './publicity-view.ts';
import { findProgramById } from '../programs/program.repository.ts';
import { programDefinition } from '../programs/program.service.ts';

// 异议 from the public, no account needed: evidence uploaded first (checked by content like every
// upload), then the objection naming it. Refusals say why and store nothing: an objection row is
// written only when everything holds, and evidence is only the objection's once it is claimed.

export const EVIDENCE_ACCEPT = ['.pdf', '.jpg', '.jpeg', '.png', '.doc', '.docx', '.xls', '.xlsx', '.zip'];
export const EVIDENCE_MAX_MB = 20;
const HOUR = 3600_000;
/** Per address and hour: enough for a real objector (several projects, a few files each), not for a flood. */
export const OBJECTIONS_PER_HOUR = 5;
export const UPLOADS_PER_HOUR = 40;

const BASE32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
/** GS-<yyyymmdd in Shanghai>-<40 random bits in base32>. */
export function newReceiptNo(now: number): string {
  const bytes = randomBytes(5);
  let bits = 0n;
  for (const b of bytes) bits = (bits << 8n) | BigInt(b);
  let code = '';
  for (let i = 7; i >= 0; i--) code += BASE32[Number((bits >> BigInt(i * 5)) & 31n)];
  return `GS-${formatShanghai(now, false).replaceAll('-', '')}-${code}`;
}

/** The period's window, or the reason an objection comes too early or too late. */
function assertWindow(p: { starts_at: number; ends_at: number; closed_at: number | null }, now: number) {
  if (acceptsObjections(p, now)) return;
  if (now < p.starts_at) throw new AppError('CONFLICT', { message: { 'zh-CN': `公示尚未开始（${formatShanghai(p.starts_at)} 开始），暂不受理异议`, en: `The 公示 has not started yet (it starts ${formatShanghai(p.starts_at)} Beijing time)` } });
  const end = formatShanghaiDeadline(p.ends_at);
  throw new AppError('DEADLINE_PASSED', { message: { 'zh-CN': `公示期已于 ${end} 结束，逾期提出的异议不予受理`, en: `The 公示 period ended at ${end} (Beijing time): late objections are not accepted` } });
}

const rateLimited = () => new AppError('RATE_LIMITED', { message: { 'zh-CN': '同一网络地址提交过于频繁，请一小时后再试或联系秘书处', en: 'Too many submissions from this address: try again in an hour or contact the secretariat' } });

export async function uploadEvidence(deps: Deps, publicityId: string, upload: { filename: string; stream: Readable }, ip: string | null): Promise<EvidenceFile> {
  const { p } = await loadPublicPublicity(deps, publicityId);
  const now = deps.now();
  try {
    assertWindow(p, now);
    if (ip && (await countUploadsFrom(deps.db, ip, now - HOUR)) >= UPLOADS_PER_HOUR) throw rateLimited();
  } catch (e) {
    upload.stream.resume();
    throw e;
  }
  const { stored, name, mime } = await receiveCheckedFile(deps, upload, EVIDENCE_ACCEPT, EVIDENCE_MAX_MB);
  const id = newId();
  await storeRecorded(deps.config.dataDir, stored, () => deps.db.transaction().execute(async (trx) => {
    await insertFileOnce(trx, { sha256: stored.sha256, size: stored.size, mime, now });
    await insertObjectionFile(trx, { id, program_id: p.program_id, objection_id: null, purpose: 'evidence', sha256: stored.sha256, name, size: stored.size, mime, uploaded_by: null, ip, created_at: now });
  }));
  return { id, name, size: stored.size, type: mime };
}

export async function fileObjection(deps: Deps, publicityId: string, input: Required<ObjectionInput>, ip: string | null, requestId: string | null = null) {
  const { p, def } = await loadPublicPublicity(deps, publicityId);
  const now = deps.now();
  assertWindow(p, now);
  const receiptNo = newReceiptNo(now);
  const id = newId();
  const title = await deps.db.transaction().execute(async (trx) => {
    // Counted inside the transaction that writes: on SQLite the writer lock is held, so a burst is counted whole.
    if (ip && (await countObjectionsFrom(trx, ip, now - HOUR)) >= OBJECTIONS_PER_HOUR) throw rateLimited();
    const item = await findItem(trx, publicityId, input.applicationId);
    if (!item || item.removed_at !== null) {
      throw new AppError('VALIDATION', { fields: [{ path: 'applicationId', message: { 'zh-CN': '该项目不在本次公示名单中，请从名单中选择', en: 'This project is not on this 公示’s list: choose one from the list' } }] });
    }
    const fileIds = [...new Set(input.fileIds)];
    const files = await objectionFiles(trx, fileIds);
    const usable = files.filter((f) => f.purpose === 'evidence' && f.program_id === p.program_id && f.objection_id === null);
    if (usable.length !== fileIds.length) {
      throw new AppError('VALIDATION', { fields: [{ path: 'fileIds', message: { 'zh-CN': '证明材料无效或已随其他异议提交，请重新上传', en: 'Some evidence is unknown or already part of another objection: upload it again' } }] });
    }
    await insertObjection(trx, {
      id, receipt_no: receiptNo, program_id: p.program_id, publicity_id: publicityId, application_id: item.application_id,
      name: input.name, organization: input.organization, phone: input.phone, email: input.email, reasons: input.reasons, file_ids_json: JSON.stringify(fileIds),
      ip, status: 'received', ruling: null, ruling_reason: null, consequence: null, new_tier_id: null, ruled_by: null, ruled_at: null, created_at: now,
    });
    if ((await claimEvidence(trx, p.program_id, id, fileIds)) !== fileIds.length) throw new AppError('CONFLICT', { message: { 'zh-CN': '证明材料刚被其他异议使用，请重新上传', en: 'The evidence was just used by another objection: upload it again' } });
    await appendAudit(trx, { actorId: null, action: 'objection.file', entity: 'objection', entityId: id, after: { receiptNo, publicityId, applicationId: item.application_id, files: fileIds.length }, requestId }, now);
    return item.title;
  });
  const statusUrl = `${deps.config.publicUrl}/objections/status?receipt=${receiptNo}`;
  await enqueueMail(deps.db, {
    to: input.email,
    subject: `异议已受理：${receiptNo}`,
    text: `${input.name}：\n\n您对“${title}”提出的异议已于 ${formatShanghai(now)}（北京时间）受理，回执号 ${receiptNo}。\n${def.name}秘书处将调查核实，结果将通过邮件告知。\n可凭回执号查询处理进度：${statusUrl}\n`,
  });
  return { receiptNo, status: 'received' as const, createdAt: now };
}

/** By receipt number alone: status and ruling, nothing about who filed it, no internal notes. */
export async function objectionStatus(deps: Deps, receiptNo: string): Promise<ObjectionPublicStatus> {
  const o = await findObjectionByReceipt(deps.db, receiptNo);
  if (!o) throw new AppError('NOT_FOUND', { message: { 'zh-CN': `没有回执号为 ${receiptNo} 的异议`, en: `No objection with receipt number ${receiptNo}` } });
  const [p, item, program] = await Promise.all([findPublicityById(deps.db, o.publicity_id), findItem(deps.db, o.publicity_id, o.application_id), findProgramById(deps.db, o.program_id)]);
  const def = programDefinition(program!);
  return {
    receiptNo: o.receipt_no, programName: def.name, programSlug: program!.slug, publicityTitle: p!.title,
    applicationNumber: item?.number ?? '', applicationTitle: item?.title ?? '',
    status: o.status as ObjectionStatus, createdAt: o.created_at,
    ruling: o.ruling as ObjectionPublicStatus['ruling'], rulingReason: o.ruling_reason, consequence: o.consequence as ObjectionPublicStatus['consequence'], ruledAt: o.ruled_at,
  };
}

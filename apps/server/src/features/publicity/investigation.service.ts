import type { Readable } from 'node:stream';
import {
  AppError, consequenceNames, nextStatus, rulingNames, type ApplicationStatus, type EvidenceFile, type ObjectionDetail, type ObjectionStatus, type ObjectionSummary, type RuleObjectionRequest,
} from '@lvping/domain';
import type { Actor, Deps } from '../../context.ts';
import type { Db } from '../../db/database.ts';
import { newId } from '../../db/ids.ts';
import { findApplication, insertEvent, setStatusIfCurrent } from '../applications/application.repository.ts';
import { appendAudit } from '../audit/audit.repository.ts';
import { findUserById } from '../auth/user.repository.ts';
import { openStored } from '../files/file-store.ts';
import { addNotice } from '../notifications/notification.service.ts';
import { enqueueMail } from '../jobs/mail-job.ts';
import { findDecision, updateDecision } from '../outcome/outcome.repository.ts';
import { loadProgramFor } from './publicity.service.ts';
import {
  eventsOf, findItem, findObjection, findPublicityById, listObjections, objectionFiles, updateItem, updateObjection, insertObjectionEvent, type ObjectionRow,
} from './publicity.repository.ts';

// The secretariat's investigation of an objection (publicity.rule): notes, requests for the
// applicant's response, the ruling and its consequence on the list and the decision — each with
// its audit row in the same transaction; the objector hears of the ruling by email.

type EventRow = Awaited<ReturnType<typeof eventsOf>>[number];

const toFile = (f: { id: string; name: string; size: number; mime: string }): EvidenceFile => ({ id: f.id, name: f.name, size: Number(f.size), type: f.mime });

async function filesById(db: Db, ids: string[]) {
  return new Map((await objectionFiles(db, ids)).map((f) => [f.id, toFile(f)]));
}

function toEvents(events: EventRow[], files: Map<string, EvidenceFile>) {
  return events.map((e) => ({
    id: e.id, kind: e.kind as 'note' | 'request' | 'response' | 'ruling', body: e.body, by: e.by_name ?? null, at: e.created_at,
    files: (JSON.parse(e.file_ids_json) as string[]).map((id) => files.get(id)).filter((f): f is EvidenceFile => !!f),
  }));
}

function toSummary(o: ObjectionRow, item: { number: string; title: string } | undefined): ObjectionSummary {
  return {
    id: o.id, receiptNo: o.receipt_no, publicityId: o.publicity_id, applicationId: o.application_id, applicationNumber: item?.number ?? '', applicationTitle: item?.title ?? '',
    name: o.name, organization: o.organization, status: o.status as ObjectionStatus, ruling: o.ruling as ObjectionSummary['ruling'], consequence: o.consequence as ObjectionSummary['consequence'], createdAt: o.created_at,
  };
}

export async function listProgramObjections(deps: Deps, actor: Actor | null, programId: string, publicityId?: string) {
  await loadProgramFor(deps, actor, programId);
  const rows = await listObjections(deps.db, programId, publicityId);
  const items = new Map<string, { number: string; title: string }>();
  for (const o of rows) {
    const key = `${o.publicity_id}:${o.application_id}`;
    if (!items.has(key)) { const it = await findItem(deps.db, o.publicity_id, o.application_id); if (it) items.set(key, it); }
  }
  return { items: rows.map((o) => toSummary(o, items.get(`${o.publicity_id}:${o.application_id}`))) };
}

async function loadObjection(deps: Deps, actor: Actor | null, programId: string, objectionId: string) {
  const program = await loadProgramFor(deps, actor, programId);
  const o = await findObjection(deps.db, programId, objectionId);
  if (!o) throw new AppError('NOT_FOUND');
  return { ...program, o };
}

export async function objectionDetail(deps: Deps, actor: Actor | null, programId: string, objectionId: string): Promise<ObjectionDetail> {
  const { o } = await loadObjection(deps, actor, programId, objectionId);
  const [item, events] = await Promise.all([findItem(deps.db, o.publicity_id, o.application_id), eventsOf(deps.db, [o.id])]);
  const evidence = JSON.parse(o.file_ids_json) as string[];
  const files = await filesById(deps.db, [...evidence, ...events.flatMap((e) => JSON.parse(e.file_ids_json) as string[])]);
  return {
    ...toSummary(o, item), phone: o.phone, email: o.email, reasons: o.reasons, rulingReason: o.ruling_reason, newTierId: o.new_tier_id, ruledAt: o.ruled_at,
    files: evidence.map((id) => files.get(id)).filter((f): f is EvidenceFile => !!f), events: toEvents(events, files),
  };
}

const notRuled = (o: ObjectionRow) => {
  if (o.status === 'ruled') throw new AppError('CONFLICT', { message: { 'zh-CN': `异议 ${o.receipt_no} 已裁定`, en: `Objection ${o.receipt_no} is already ruled` } });
};

export async function addObjectionNote(deps: Deps, actor: Actor | null, programId: string, objectionId: string, body: string, requestId: string | null = null) {
  const { o } = await loadObjection(deps, actor, programId, objectionId);
  notRuled(o);
  const now = deps.now();
  await deps.db.transaction().execute(async (trx) => {
    await insertObjectionEvent(trx, { id: newId(), objection_id: o.id, kind: 'note', body, file_ids_json: '[]', created_by: actor!.userId, created_at: now });
    if (o.status === 'received') await updateObjection(trx, o.id, { status: 'investigating' });
    await appendAudit(trx, { actorId: actor!.userId, action: 'objection.note', entity: 'objection', entityId: o.id, after: { receiptNo: o.receipt_no }, requestId }, now);
  });
  return objectionDetail(deps, actor, programId, objectionId);
}

/** Asks the applicant to answer: a notice in the platform and an email, answered on the application's page. */
export async function requestResponse(deps: Deps, actor: Actor | null, programId: string, objectionId: string, body: string, requestId: string | null = null) {
  const { o, def } = await loadObjection(deps, actor, programId, objectionId);
  notRuled(o);
  const app = (await findApplication(deps.db, o.application_id))!;
  const item = await findItem(deps.db, o.publicity_id, o.application_id);
  const now = deps.now();
  const title = `公示异议：请就“${item?.title ?? app.number}”作出说明`;
  const text = `${def.name}秘书处收到对您的申报“${item?.title ?? ''}”（${app.number}）的异议（${o.receipt_no}），请登录平台在申报页面作出说明并上传证明材料：\n\n${body}`;
  await deps.db.transaction().execute(async (trx) => {
    await insertObjectionEvent(trx, { id: newId(), objection_id: o.id, kind: 'request', body, file_ids_json: '[]', created_by: actor!.userId, created_at: now });
    await updateObjection(trx, o.id, { status: 'awaiting_response' });
    await addNotice(trx, { userId: app.applicant_user_id, kind: 'objection.request', title, body: text, link: `/applications/${app.id}` }, now);
    await appendAudit(trx, { actorId: actor!.userId, action: 'objection.request_response', entity: 'objection', entityId: o.id, after: { receiptNo: o.receipt_no, applicationId: app.id }, requestId }, now);
  });
  const user = await findUserById(deps.db, app.applicant_user_id);
  if (user) await enqueueMail(deps.db, { to: user.email, subject: title, text: `${text}\n\n${deps.config.publicUrl}/applications/${app.id}\n` });
  return objectionDetail(deps, actor, programId, objectionId);
}

/**
 * The ruling: upheld or rejected, with reasons, and what follows for the list — removed (the
 * decision too, and the application leaves the shortlist), tier changed, or nothing. Only while
 * the 公示 is not closed: a closed one stands.
 */
export async function ruleObjection(deps: Deps, actor: Actor | null, programId: string, objectionId: string, input: RuleObjectionRequest, requestId: string | null = null) {
  const { o, def } = await loadObjection(deps, actor, programId, objectionId);
  notRuled(o);
  const p = (await findPublicityById(deps.db, o.publicity_id))!;
  if (p.closed_at !== null) throw new AppError('CONFLICT', { message: { 'zh-CN': '该公示已结束，不能再裁定', en: 'This 公示 is closed: it takes no more rulings' } });
  const item = await findItem(deps.db, o.publicity_id, o.application_id);
  if (!item) throw new AppError('NOT_FOUND');
  if (input.consequence === 'tier_changed') {
    if (p.kind !== 'results') throw new AppError('VALIDATION', { fields: [{ path: 'consequence', message: { 'zh-CN': '推荐项目公示没有获奖等级可调整', en: 'A candidates 公示 has no tiers to change' } }] });
    const tiers = def.tracks.find((t) => t.id === item.track_id)?.awardTiers ?? [];
    if (!tiers.some((t) => t.id === input.newTierId)) throw new AppError('VALIDATION', { fields: [{ path: 'newTierId', message: { 'zh-CN': `赛道没有等级 ${input.newTierId}`, en: `The track has no tier ${input.newTierId}` } }] });
    if (input.newTierId === item.tier_id) throw new AppError('VALIDATION', { fields: [{ path: 'newTierId', message: { 'zh-CN': '与原等级相同', en: 'That is the current tier' } }] });
  }
  if (input.consequence !== 'no_change' && item.removed_at !== null) throw new AppError('CONFLICT', { message: { 'zh-CN': '该项目已被移出公示名单', en: 'This project was already taken off the list' } });
  const now = deps.now();
  await deps.db.transaction().execute(async (trx) => {
    if (!(await updateObjection(trx, o.id, { status: 'ruled', ruling: input.ruling, ruling_reason: input.reason, consequence: input.consequence, new_tier_id: input.newTierId ?? null, ruled_by: actor!.userId, ruled_at: now }, 'ruled'))) notRuled({ ...o, status: 'ruled' });
    const decision = p.kind === 'results' ? await findDecision(trx, programId, o.application_id) : undefined;
    if (input.consequence === 'removed') {
      await updateItem(trx, p.id, o.application_id, { removed_at: now });
      if (decision) await updateDecision(trx, programId, o.application_id, { removed: 1, reason: `异议 ${o.receipt_no} 成立：${input.reason}`, decided_by: actor!.userId, decided_at: now });
      const app = (await findApplication(trx, o.application_id))!;
      const to = nextStatus(app.status as ApplicationStatus, 'unshortlist');
      if (to && (await setStatusIfCurrent(trx, app.id, { statuses: [app.status] }, { status: to, updated_at: now }))) {
        await insertEvent(trx, { id: newId(), application_id: app.id, at: now, status: to, note: `公示异议成立，取消入选（${o.receipt_no}）`, actor_id: actor!.userId });
      }
    } else if (input.consequence === 'tier_changed') {
      await updateItem(trx, p.id, o.application_id, { tier_id: input.newTierId! });
      if (decision) await updateDecision(trx, programId, o.application_id, { tier_id: input.newTierId!, reason: `异议 ${o.receipt_no} 成立：${input.reason}`, decided_by: actor!.userId, decided_at: now });
    }
    await insertObjectionEvent(trx, { id: newId(), objection_id: o.id, kind: 'ruling', body: `${rulingNames[input.ruling]['zh-CN']}，${consequenceNames[input.consequence]['zh-CN']}：${input.reason}`, file_ids_json: '[]', created_by: actor!.userId, created_at: now });
    await appendAudit(trx, {
      actorId: actor!.userId, action: 'objection.rule', entity: 'objection', entityId: o.id,
      before: { status: o.status, tierId: item.tier_id, removed: item.removed_at !== null },
      after: { receiptNo: o.receipt_no, applicationId: o.application_id, ruling: input.ruling, consequence: input.consequence, newTierId: input.newTierId ?? null, reason: input.reason },
      requestId,
    }, now);
  });
  await enqueueMail(deps.db, {
    to: o.email,
    subject: `异议处理结果：${o.receipt_no}`,
    text: `${o.name}：\n\n您对“${item.title}”提出的异议（回执号 ${o.receipt_no}）已裁定：${rulingNames[input.ruling]['zh-CN']}，${consequenceNames[input.consequence]['zh-CN']}。\n理由：${input.reason}\n\n${def.name}秘书处\n${deps.config.publicUrl}/objections/status?receipt=${o.receipt_no}\n`,
  });
  return objectionDetail(deps, actor, programId, objectionId);
}

/** An objection's file, to the secretariat (evidence and responses alike). */
export async function objectionFileFor(deps: Deps, actor: Actor | null, programId: string, objectionId: string, fileId: string) {
  const { o } = await loadObjection(deps, actor, programId, objectionId);
  const f = (await objectionFiles(deps.db, [fileId]))[0];
  if (!f || f.objection_id !== o.id) throw new AppError('NOT_FOUND');
  return { name: f.name, mime: f.mime, size: Number(f.size), stream: openStored(deps.config.dataDir, f.sha256) as Readable };
}

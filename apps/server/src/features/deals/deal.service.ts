import { AppError, can, computeCommission, dealKindNames, wanToYuan, yuanToWan, type Commission, type Deal, type DealKind, type RecordDeal } from '@lvping/domain';
import type { Actor, Deps } from '../../context.ts';
import { newId } from '../../db/ids.ts';
import { appendAudit } from '../audit/audit.repository.ts';
import { findUserByEmail, findUserById } from '../auth/user.repository.ts';
import { addNotice } from '../notifications/notification.service.ts';
import { enqueueMail } from '../jobs/mail-job.ts';
import { currentCommissionRules } from './commission-settings.ts';
import {
  acceptedMeetingsOf, allDeals, answerDeal, dealsOfUser, entryNames, findCatalogEntry, findDeal, findMeetingRequest, inSomeMeeting, insertDeal, ownsCatalogEntry, userNames, type DealRow,
} from './deal.repository.ts';

// Deals: one side records (kind, amount in 万元, date, the other side, through the platform or
// not), the other confirms or declines; only confirmed deals count. A deal through the platform
// gets its 交易佣金 when confirmed, by the rules in force then (kept with the deal). Amounts and
// commissions are seen by the two parties and the catalog organizer (deal.read) only: anyone
// else gets 404 for the deal and never finds it in a list.

const noDeal = () => new AppError('NOT_FOUND', { message: { 'zh-CN': '未找到该交易', en: 'No such deal' } });
const field = (path: string, zh: string, en: string) => new AppError('VALIDATION', { fields: [{ path, message: { 'zh-CN': zh, en } }] });

/** Market members: technology owners, profile holders (match.participate) and meeting participants. */
async function isMarketMember(deps: Deps, actor: Actor): Promise<boolean> {
  return can(actor, 'match.participate') || can(actor, 'service.handle') || (await ownsCatalogEntry(deps.db, actor.userId)) || (await inSomeMeeting(deps.db, actor.userId));
}

const commissionView = (json: string | null) => {
  if (!json) return null;
  const c = (JSON.parse(json) as { commission: Commission }).commission;
  return {
    commissionWan: c.commissionFen / 1_000_000, commissionFen: c.commissionFen, clamped: c.clamped,
    parts: c.parts.map((p) => ({ fromWan: yuanToWan(p.fromYuan), toWan: p.toYuan === null ? null : yuanToWan(p.toYuan), ratePercent: p.rateBp / 100, baseWan: yuanToWan(p.baseYuan) })),
  };
};

async function toDeals(deps: Deps, actor: Actor, rows: DealRow[]): Promise<Deal[]> {
  const names = await userNames(deps.db, rows.flatMap((r) => [r.recorded_by, r.counterpart_user_id]));
  const techs = await entryNames(deps.db, rows.flatMap((r) => (r.catalog_entry_id ? [r.catalog_entry_id] : [])));
  const organizer = can(actor, 'deal.read');
  return rows.map((r) => {
    const party = r.recorded_by === actor.userId || r.counterpart_user_id === actor.userId;
    const sees = party || organizer;
    return {
      id: r.id, kind: r.kind as DealKind, date: r.deal_date, viaPlatform: r.via_platform === 1, status: r.status as Deal['status'],
      recordedBy: { userId: r.recorded_by, name: names.get(r.recorded_by)?.display_name ?? '' },
      counterpart: { userId: r.counterpart_user_id, name: names.get(r.counterpart_user_id)?.display_name ?? '' },
      catalogEntryId: r.catalog_entry_id, technologyName: r.catalog_entry_id ? techs.get(r.catalog_entry_id) ?? null : null, meetingRequestId: r.meeting_request_id,
      note: r.note, responseNote: r.response_note, createdAt: r.created_at, confirmedAt: r.confirmed_at,
      amountWan: sees ? yuanToWan(Number(r.amount_yuan)) : null,
      commission: sees ? commissionView(r.commission_json) : null,
      awaitingMe: r.status === 'pending' && r.counterpart_user_id === actor.userId,
    };
  });
}

export async function recordDeal(deps: Deps, actor: Actor | null, input: RecordDeal, requestId: string | null = null): Promise<Deal> {
  if (!actor) throw new AppError('UNAUTHENTICATED');
  if (!(await isMarketMember(deps, actor))) throw new AppError('FORBIDDEN', { message: { 'zh-CN': '只有技术持有方、投资机构、银行、需求方或对接会参会方可以登记交易', en: 'Only technology owners, profile holders and meeting participants record deals' } });
  const other = input.counterpartUserId ? await findUserById(deps.db, input.counterpartUserId) : await findUserByEmail(deps.db, input.counterpartEmail!);
  const otherPath = input.counterpartUserId ? 'counterpartUserId' : 'counterpartEmail';
  if (!other) throw field(otherPath, '对方须是平台的注册用户', 'The other side must be a registered user');
  if (other.id === actor.userId) throw field(otherPath, '对方不能是自己', 'The other side cannot be yourself');
  let entryId = input.catalogEntryId;
  if (input.meetingRequestId) {
    const m = await findMeetingRequest(deps.db, input.meetingRequestId);
    const sides = m ? [m.from_user_id, m.to_user_id] : [];
    if (!m || !sides.includes(actor.userId) || !sides.includes(other.id)) throw field('meetingRequestId', '该约见不是你们双方之间的', 'That meeting is not between you two');
    entryId ??= m.catalog_entry_id;
  }
  if (entryId) {
    const entry = await findCatalogEntry(deps.db, entryId);
    if (!entry || ![actor.userId, other.id].includes(entry.owner_user_id)) throw field('catalogEntryId', '该技术不属于交易的任何一方', 'That technology belongs to neither side');
  }
  const now = deps.now();
  const row: DealRow = {
    id: newId(), kind: input.kind, amount_yuan: wanToYuan(input.amountWan), deal_date: input.date, via_platform: input.viaPlatform ? 1 : 0, status: 'pending',
    recorded_by: actor.userId, counterpart_user_id: other.id, catalog_entry_id: entryId, meeting_request_id: input.meetingRequestId, note: input.note,
    response_note: null, commission_fen: null, commission_json: null, created_at: now, confirmed_at: null, updated_at: now,
  };
  await deps.db.transaction().execute(async (trx) => {
    await insertDeal(trx, row);
    await addNotice(trx, { userId: other.id, kind: 'deal.recorded', title: `${actor.displayName} 登记了与您的交易，请确认`, body: `${dealKindNames[input.kind]['zh-CN']}，${input.amountWan} 万元，${input.date}`, link: '/deals' }, now);
    await appendAudit(trx, { actorId: actor.userId, action: 'deal.record', entity: 'deal', entityId: row.id, after: { ...input, counterpartUserId: other.id, counterpartEmail: undefined }, requestId }, now);
  });
  await enqueueMail(deps.db, { to: other.email, subject: '请确认交易登记', text: `${other.display_name}，您好：\n\n${actor.displayName} 在平台登记了与您的一笔交易（${dealKindNames[input.kind]['zh-CN']}，${input.amountWan} 万元，${input.date}）。请登录平台“交易”页面确认或拒绝；确认后方计入统计。` });
  return (await toDeals(deps, actor, [row]))[0];
}

export async function answerDealRequest(deps: Deps, actor: Actor | null, dealId: string, input: { confirm: boolean; note: string }, requestId: string | null = null): Promise<Deal> {
  if (!actor) throw new AppError('UNAUTHENTICATED');
  const d = await findDeal(deps.db, dealId);
  if (!d || (d.recorded_by !== actor.userId && d.counterpart_user_id !== actor.userId && !can(actor, 'deal.read'))) throw noDeal();
  if (d.counterpart_user_id !== actor.userId) throw new AppError('FORBIDDEN', { message: { 'zh-CN': '只有交易对方可以确认', en: 'Only the other side confirms a deal' } });
  const now = deps.now();
  let commission: Commission | null = null;
  let commissionJson: string | null = null;
  if (input.confirm && d.via_platform === 1) {
    const rules = await currentCommissionRules(deps.db);
    commission = computeCommission(rules, d.kind as DealKind, Number(d.amount_yuan));
    commissionJson = JSON.stringify({ commission, rule: rules.rules.find((r) => r.kind === d.kind) ?? null });
  }
  await deps.db.transaction().execute(async (trx) => {
    const ok = await answerDeal(trx, d.id, {
      status: input.confirm ? 'confirmed' : 'declined', response_note: input.note || null, confirmed_at: input.confirm ? now : null,
      commission_fen: commission?.commissionFen ?? null, commission_json: commissionJson, updated_at: now,
    });
    if (!ok) throw new AppError('CONFLICT', { message: { 'zh-CN': '该交易已确认或已拒绝', en: 'This deal has already been answered' } });
    await addNotice(trx, { userId: d.recorded_by, kind: input.confirm ? 'deal.confirmed' : 'deal.declined', title: input.confirm ? `${actor.displayName} 确认了交易` : `${actor.displayName} 未确认交易`, body: input.note || dealKindNames[d.kind as DealKind]['zh-CN'], link: '/deals' }, now);
    await appendAudit(trx, { actorId: actor.userId, action: input.confirm ? 'deal.confirm' : 'deal.decline', entity: 'deal', entityId: d.id, before: { status: d.status }, after: { status: input.confirm ? 'confirmed' : 'declined', commissionFen: commission?.commissionFen ?? null }, requestId }, now);
  });
  const recorder = await findUserById(deps.db, d.recorded_by);
  if (recorder) await enqueueMail(deps.db, { to: recorder.email, subject: input.confirm ? '交易已确认' : '交易未被确认', text: `${recorder.display_name}，您好：\n\n${actor.displayName} ${input.confirm ? '已确认' : '未确认'}您登记的交易（${d.deal_date}）。${input.note ? `\n说明：${input.note}` : ''}` });
  return (await toDeals(deps, actor, [(await findDeal(deps.db, d.id))!]))[0];
}

/** The caller's deals (either side); the catalog organizer with `all`: every deal. */
export async function listDeals(deps: Deps, actor: Actor | null, all: boolean): Promise<{ items: Deal[] }> {
  if (!actor) throw new AppError('UNAUTHENTICATED');
  if (all && !can(actor, 'deal.read')) throw new AppError('FORBIDDEN');
  return { items: await toDeals(deps, actor, all ? await allDeals(deps.db) : await dealsOfUser(deps.db, actor.userId)) };
}

export async function getDeal(deps: Deps, actor: Actor | null, dealId: string): Promise<Deal> {
  if (!actor) throw new AppError('UNAUTHENTICATED');
  const d = await findDeal(deps.db, dealId);
  if (!d || (d.recorded_by !== actor.userId && d.counterpart_user_id !== actor.userId && !can(actor, 'deal.read'))) throw noDeal();
  return (await toDeals(deps, actor, [d]))[0];
}

/** People the caller met (accepted meeting requests): the usual other sides of a deal. */
export async function dealCounterparts(deps: Deps, actor: Actor | null) {
  if (!actor) throw new AppError('UNAUTHENTICATED');
  const met = await acceptedMeetingsOf(deps.db, actor.userId);
  const techs = await entryNames(deps.db, met.flatMap((m) => (m.catalogEntryId ? [m.catalogEntryId] : [])));
  return { items: met.map((m) => ({ userId: m.userId, name: m.name, orgName: m.orgName, meetingRequestId: m.id, catalogEntryId: m.catalogEntryId, technologyName: m.catalogEntryId ? techs.get(m.catalogEntryId) ?? null : null })) };
}

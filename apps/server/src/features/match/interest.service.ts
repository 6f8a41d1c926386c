import { AppError, nextInterest, pairStatus, type InterestPair, type InterestRequest, type InterestSide } from '@lvping/domain';
import type { Actor, Deps } from '../../context.ts';
import type { Db } from '../../db/database.ts';
import { newId } from '../../db/ids.ts';
import { authorize } from '../access/access.service.ts';
import { appendAudit } from '../audit/audit.repository.ts';
import { findUserById } from '../auth/user.repository.ts';
import { addNotice } from '../notifications/notification.service.ts';
import { enqueueMail } from '../jobs/mail-job.ts';
import {
  allPairs, endIntroduction, ensurePair, entriesByIds, entriesOwnedBy, findEntry, findNeed, findPairById, findProfile, insertIntroduction, needsByIds, needsPostedBy,
  openIntroduction, pairsOfCounterparts, pairsOfEntries, profilesByIds, profilesOf, setSideIf,
  type EntryRow, type InterestRow, type NeedRow, type ProfileRow,
} from './match.repository.ts';
import { entryContact, needContact, needCounterpartView, profileContact, profileCounterpartView, technologyView } from './match-view.ts';

// 意向 and 引荐: a technology's owner is interested in a profile or need, or the profile's
// holder (need's poster) in a technology. While both are, the pair is introduced: each side sees
// the other's contact and both are told (notice + email). Either may withdraw, which ends the
// introduction. Before that, and for anyone else, no contact is shown.

type Pair = { entry: EntryRow; type: 'profile' | 'need'; profile: ProfileRow | null; need: NeedRow | null };
const counterpartUserId = (p: Pair) => (p.profile ? p.profile.user_id : p.need!.poster_user_id);
const counterpartIdOf = (p: Pair) => (p.profile ? p.profile.id : p.need!.id);
const counterpartName = (p: Pair) => (p.profile ? p.profile.org_name : needCounterpartView(p.need!).name);
const entryActive = (e: EntryRow) => e.status === 'published' && e.published_version !== null;
const pairActive = (p: Pair) => entryActive(p.entry) && (p.profile ? p.profile.status === 'approved' : p.need!.status === 'published');

function requireSignedIn(actor: Actor | null): asserts actor is Actor {
  if (!actor) throw new AppError('UNAUTHENTICATED');
}

async function loadPair(db: Db, req: InterestRequest): Promise<Pair> {
  const entry = await findEntry(db, req.entryId);
  if (!entry || !entryActive(entry)) throw new AppError('NOT_FOUND', { message: { 'zh-CN': '该技术未在目录中发布', en: 'The technology is not published in the catalog' } });
  if (req.counterpartType === 'profile') {
    const profile = await findProfile(db, req.counterpartId);
    if (!profile || profile.status !== 'approved') throw new AppError('NOT_FOUND', { message: { 'zh-CN': '未找到该对接档案', en: 'No such matchmaking profile' } });
    return { entry, type: 'profile', profile, need: null };
  }
  const need = await findNeed(db, req.counterpartId);
  if (!need || need.status !== 'published') throw new AppError('NOT_FOUND', { message: { 'zh-CN': '未找到该技术需求', en: 'No such published need' } });
  return { entry, type: 'need', profile: null, need };
}

function sideOf(actor: Actor, pair: Pair): InterestSide {
  const tech = pair.entry.owner_user_id === actor.userId;
  const other = counterpartUserId(pair) === actor.userId;
  if (tech && other) throw new AppError('VALIDATION', { message: { 'zh-CN': '不能与自己对接', en: 'Both sides are yours' } });
  if (tech) return 'technology';
  if (!other) throw new AppError('FORBIDDEN', { message: { 'zh-CN': '只有技术所有方或档案持有方（需求发布方）可以表达意向', en: 'Only the technology’s owner or the profile’s holder (the need’s poster) may express interest' } });
  // A profile speaks for an investor, bank or buyer: the role its approval granted.
  if (pair.profile) authorize(actor, 'match.participate');
  return 'counterpart';
}

async function pairView(db: Db, pair: Pair, row: InterestRow, mySide: InterestSide | null): Promise<InterestPair> {
  const s = { technology: row.technology_at !== null, counterpart: row.counterpart_at !== null };
  const mutual = s.technology && s.counterpart;
  const intro = mutual ? await openIntroduction(db, row.id) : undefined;
  const showContact = mutual && mySide !== null && pairActive(pair);
  return {
    technology: technologyView(pair.entry),
    counterpart: pair.profile ? profileCounterpartView(pair.profile) : needCounterpartView(pair.need!),
    mySide, interest: { ...s, status: pairStatus(s) }, technologyAt: row.technology_at, counterpartAt: row.counterpart_at, introducedAt: intro?.introduced_at ?? null,
    contact: !showContact ? null : mySide === 'technology' ? (pair.profile ? profileContact(pair.profile) : needContact(pair.need!)) : entryContact(pair.entry),
  };
}

type Mail = { to: string; subject: string; text: string };

export async function expressInterest(deps: Deps, actor: Actor | null, req: InterestRequest, requestId: string | null = null): Promise<InterestPair> {
  requireSignedIn(actor);
  const now = deps.now();
  const mails: Mail[] = [];
  const { pair, row, side } = await deps.db.transaction().execute(async (trx) => {
    const pair = await loadPair(trx, req);
    const side = sideOf(actor, pair);
    const row = await ensurePair(trx, {
      id: newId(), entry_id: pair.entry.id, counterpart_type: pair.type, counterpart_id: counterpartIdOf(pair),
      technology_user_id: null, technology_at: null, counterpart_user_id: null, counterpart_at: null, created_at: now, updated_at: now,
    });
    const move = nextInterest({ technology: row.technology_at !== null, counterpart: row.counterpart_at !== null }, { kind: 'express', side });
    if (!move.ok || !(await setSideIf(trx, row.id, side, actor.userId, now, now))) {
      throw new AppError('CONFLICT', { message: move.ok ? { 'zh-CN': '您已表达过意向', en: 'You have already expressed interest' } : move.reason });
    }
    // Re-read after the update: the row is ours now, so the other side's interest is as committed.
    const after = await findPairById(trx, row.id);
    const mutual = after.technology_at !== null && after.counterpart_at !== null;
    await appendAudit(trx, { actorId: actor.userId, action: 'match.interest.express', entity: 'match_interest', entityId: row.id, after: { side, entryId: pair.entry.id, counterpartType: pair.type, counterpartId: counterpartIdOf(pair), mutual }, requestId }, now);
    const techUser = pair.entry.owner_user_id;
    const otherUser = counterpartUserId(pair);
    const title = technologyView(pair.entry).name;
    if (mutual && !(await openIntroduction(trx, row.id))) {
      await insertIntroduction(trx, { id: newId(), interest_id: row.id, introduced_at: now });
      await appendAudit(trx, { actorId: actor.userId, action: 'match.introduction', entity: 'match_interest', entityId: row.id, after: { entryId: pair.entry.id, counterpartType: pair.type, counterpartId: counterpartIdOf(pair) }, requestId }, now);
      for (const [userId, other] of [[techUser, counterpartName(pair)], [otherUser, `${pair.entry.org_name}（${title}）`]] as const) {
        await addNotice(trx, { userId, kind: 'match.introduction', title: `对接成功：${title}`, body: `您与${other}均已表达对接意向，可查看对方联系方式。`, link: '/match/interests' }, now);
        const u = await findUserById(trx, userId);
        if (u) {
          mails.push({
            to: u.email, subject: `对接成功 / Introduction: ${title}`,
            text: `${u.display_name}，您好：\n\n您与${other}均已表达对接意向（技术：${title}）。请登录查看对方联系方式：${deps.config.publicUrl}/match/interests\n\nBoth sides are interested; sign in to see each other's contact.\n`,
          });
        }
      }
    } else if (!mutual) {
      const to = side === 'technology' ? otherUser : techUser;
      const who = side === 'technology' ? `${pair.entry.org_name}（${title}）` : counterpartName(pair);
      await addNotice(trx, { userId: to, kind: 'match.interest', title: `新的对接意向：${title}`, body: `${who}表达了对接意向。如您也有意向，双方将可查看彼此联系方式。`, link: '/match/interests' }, now);
    }
    return { pair, row: after, side };
  });
  for (const mail of mails) await enqueueMail(deps.db, mail);
  return pairView(deps.db, pair, row, side);
}

export async function withdrawInterest(deps: Deps, actor: Actor | null, req: InterestRequest, requestId: string | null = null): Promise<InterestPair> {
  requireSignedIn(actor);
  const now = deps.now();
  const { pair, row, side } = await deps.db.transaction().execute(async (trx) => {
    const pair = await loadPairForWithdraw(trx, req);
    const side = sideOf(actor, pair);
    const row = await findPairOf(trx, pair);
    const state = { technology: row?.technology_at != null, counterpart: row?.counterpart_at != null };
    const move = nextInterest(state, { kind: 'withdraw', side });
    if (!row || !move.ok || !(await setSideIf(trx, row.id, side, null, null, now))) {
      throw new AppError('CONFLICT', { message: move.ok ? { 'zh-CN': '您尚未表达意向，无可撤回', en: 'You have not expressed interest' } : move.reason });
    }
    const ended = !!(await openIntroduction(trx, row.id));
    if (ended) await endIntroduction(trx, row.id, actor.userId, now);
    await appendAudit(trx, { actorId: actor.userId, action: 'match.interest.withdraw', entity: 'match_interest', entityId: row.id, after: { side, introductionEnded: ended }, requestId }, now);
    if (ended) {
      const to = side === 'technology' ? counterpartUserId(pair) : pair.entry.owner_user_id;
      await addNotice(trx, { userId: to, kind: 'match.withdrawn', title: `对接意向已撤回：${technologyView(pair.entry).name}`, body: '对方撤回了对接意向，双方联系方式不再互相可见。', link: '/match/interests' }, now);
    }
    return { pair, row: await findPairById(trx, row.id), side };
  });
  return pairView(deps.db, pair, row, side);
}

/** Withdrawing is allowed after a side stopped being active (an entry suspended, a profile withdrawn). */
async function loadPairForWithdraw(db: Db, req: InterestRequest): Promise<Pair> {
  const entry = await findEntry(db, req.entryId);
  const profile = req.counterpartType === 'profile' ? await findProfile(db, req.counterpartId) : undefined;
  const need = req.counterpartType === 'need' ? await findNeed(db, req.counterpartId) : undefined;
  if (!entry || (!profile && !need)) throw new AppError('NOT_FOUND');
  return { entry, type: req.counterpartType, profile: profile ?? null, need: need ?? null };
}

const findPairOf = async (db: Db, p: Pair) => (await pairsOfEntries(db, [p.entry.id])).find((r) => r.counterpart_type === p.type && r.counterpart_id === counterpartIdOf(p));

/** My interests, sent and received, with the other side's contact where introduced; the organizer may list all (never with contacts). */
export async function listInterests(deps: Deps, actor: Actor | null, q: { all?: '1' }) {
  requireSignedIn(actor);
  let rows: InterestRow[];
  if (q.all === '1') {
    authorize(actor, 'catalog.manage');
    rows = await allPairs(deps.db);
  } else {
    const entryIds = (await entriesOwnedBy(deps.db, actor.userId)).map((e) => e.id);
    const profileIds = (await profilesOf(deps.db, actor.userId)).map((p) => p.id);
    const needIds = (await needsPostedBy(deps.db, actor.userId)).map((n) => n.id);
    const found = [...(await pairsOfEntries(deps.db, entryIds)), ...(await pairsOfCounterparts(deps.db, 'profile', profileIds)), ...(await pairsOfCounterparts(deps.db, 'need', needIds))];
    rows = [...new Map(found.map((r) => [r.id, r])).values()].sort((a, b) => b.updated_at - a.updated_at);
  }
  rows = rows.filter((r) => r.technology_at !== null || r.counterpart_at !== null);
  const entries = new Map((await entriesByIds(deps.db, [...new Set(rows.map((r) => r.entry_id))])).map((e) => [e.id, e]));
  const profiles = new Map((await profilesByIds(deps.db, rows.filter((r) => r.counterpart_type === 'profile').map((r) => r.counterpart_id))).map((p) => [p.id, p]));
  const needs = new Map((await needsByIds(deps.db, rows.filter((r) => r.counterpart_type === 'need').map((r) => r.counterpart_id))).map((n) => [n.id, n]));
  const items: InterestPair[] = [];
  for (const r of rows) {
    const entry = entries.get(r.entry_id);
    const profile = r.counterpart_type === 'profile' ? profiles.get(r.counterpart_id) ?? null : null;
    const need = r.counterpart_type === 'need' ? needs.get(r.counterpart_id) ?? null : null;
    if (!entry || (!profile && !need)) continue;
    const pair: Pair = { entry, type: r.counterpart_type as Pair['type'], profile, need };
    const mySide: InterestSide | null = q.all === '1' ? null : entry.owner_user_id === actor.userId ? 'technology' : counterpartUserId(pair) === actor.userId ? 'counterpart' : null;
    // The sides see a pair while both its technology and its counterpart are public to them:
    // a suspended entry or a withdrawn profile drops out (the organizer still sees it).
    if (q.all !== '1' && (mySide === null || !pairActive(pair))) continue;
    items.push(await pairView(deps.db, pair, r, mySide));
  }
  return { items };
}


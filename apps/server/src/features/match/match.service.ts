import {
  AppError, can, matchesForCounterpart, matchesForTechnology, matchProfileKinds, pairStatus,
  type CounterpartMatches, type MyMatchSubjects, type TechnologyMatches,
} from '@lvping/domain';
import type { Actor, Deps } from '../../context.ts';
import {
  approvedProfiles, entriesOwnedBy, findEntry, findNeed, needsPostedBy, pairsOfCounterparts, pairsOfEntries, profilesOf, publishedEntries, publishedNeeds, type InterestRow,
} from './match.repository.ts';
import { readableProfile } from './profile.service.ts';
import { needCounterpart, needCounterpartView, profileCounterpart, profileCounterpartView, profileView, technologyOf, technologyView } from './match-view.ts';

// The matched lists, both ways. Who sees which: a technology's owner the list for its entry, a
// profile's holder (or a need's poster) the list for it, the catalog organizer every list. Nobody
// is matched with themselves. The lists carry no contact: that takes mutual interest.

const notFound = () => new AppError('NOT_FOUND');
const notPublished = () => new AppError('CONFLICT', { message: { 'zh-CN': '尚未发布（或未通过审核），暂无匹配', en: 'Not published (or not approved) yet: no matches' } });
const refuse = (isPublic: boolean) => (isPublic ? new AppError('FORBIDDEN', { message: { 'zh-CN': '只有本方和对接运营方可以查看匹配结果', en: 'Only its own side and the catalog organizer see these matches' } }) : notFound());

function requireSignedIn(actor: Actor | null): asserts actor is Actor {
  if (!actor) throw new AppError('UNAUTHENTICATED');
}

const pairKey = (type: string, id: string) => `${type}:${id}`;
const interestOf = (row: InterestRow | undefined) => {
  const s = { technology: row?.technology_at != null, counterpart: row?.counterpart_at != null };
  return { ...s, status: pairStatus(s) };
};

export async function entryMatches(deps: Deps, actor: Actor | null, entryId: string): Promise<TechnologyMatches> {
  requireSignedIn(actor);
  const e = await findEntry(deps.db, entryId);
  if (!e) throw notFound();
  const published = e.status === 'published' && e.published_version !== null;
  if (e.owner_user_id !== actor.userId && !can(actor, 'catalog.manage')) throw refuse(published);
  if (!published) throw notPublished();
  const profiles = (await approvedProfiles(deps.db, matchProfileKinds)).filter((p) => p.user_id !== e.owner_user_id);
  const needs = (await publishedNeeds(deps.db)).filter((n) => n.poster_user_id !== e.owner_user_id);
  const byProfile = new Map(profiles.map((p) => [p.id, p]));
  const byNeed = new Map(needs.map((n) => [n.id, n]));
  const tech = technologyOf(e);
  const result = matchesForTechnology(tech, [...profiles.map(profileCounterpart), ...needs.map(needCounterpart)]);
  const pairs = new Map((await pairsOfEntries(deps.db, [e.id])).map((r) => [pairKey(r.counterpart_type, r.counterpart_id), r]));
  return {
    technology: technologyView(e, tech),
    items: result.matches.map((m) => {
      const type = m.item.kind === 'need' ? 'need' : 'profile';
      return {
        counterpart: type === 'need' ? needCounterpartView(byNeed.get(m.item.id)!) : profileCounterpartView(byProfile.get(m.item.id)!),
        explanation: m.explanation, interest: interestOf(pairs.get(pairKey(type, m.item.id))),
      };
    }),
  };
}

async function technologiesFor(deps: Deps, type: 'profile' | 'need', counterpartId: string, ownUserId: string, counterpart: Parameters<typeof matchesForCounterpart>[0]) {
  const entries = (await publishedEntries(deps.db)).filter((e) => e.owner_user_id !== ownUserId);
  const byId = new Map(entries.map((e) => [e.id, e]));
  const result = matchesForCounterpart(counterpart, entries.map(technologyOf));
  const pairs = new Map((await pairsOfCounterparts(deps.db, type, [counterpartId])).map((r) => [r.entry_id, r]));
  return result.matches.map((m) => ({ technology: technologyView(byId.get(m.item.id)!, m.item), explanation: m.explanation, interest: interestOf(pairs.get(m.item.id)) }));
}

export async function profileMatches(deps: Deps, actor: Actor | null, profileId: string): Promise<CounterpartMatches> {
  const p = await readableProfile(deps, actor, profileId);
  // The organizer may look at a profile's matches before approving it; its holder once approved.
  if (p.status !== 'approved' && !can(actor, 'catalog.manage')) throw notPublished();
  return { counterpart: profileCounterpartView(p), items: await technologiesFor(deps, 'profile', p.id, p.user_id, profileCounterpart(p)) };
}

export async function needMatches(deps: Deps, actor: Actor | null, needId: string): Promise<CounterpartMatches> {
  requireSignedIn(actor);
  const n = await findNeed(deps.db, needId);
  if (!n) throw notFound();
  if (n.poster_user_id !== actor.userId && !can(actor, 'catalog.manage')) throw refuse(n.status === 'published');
  if (n.status !== 'published') throw notPublished();
  return { counterpart: needCounterpartView(n), items: await technologiesFor(deps, 'need', n.id, n.poster_user_id, needCounterpart(n)) };
}

export async function mySubjects(deps: Deps, actor: Actor | null): Promise<MyMatchSubjects> {
  requireSignedIn(actor);
  const entries = await entriesOwnedBy(deps.db, actor.userId);
  const needs = await needsPostedBy(deps.db, actor.userId);
  return {
    profiles: (await profilesOf(deps.db, actor.userId)).map(profileView),
    entries: entries.map((e) => ({ entryId: e.id, name: technologyOf(e).name, status: e.status })),
    needs: needs.map((n) => ({ needId: n.id, problem: needCounterpartView(n).name, status: n.status })),
    organizer: can(actor, 'catalog.manage'),
  };
}

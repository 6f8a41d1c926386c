import {
  AppError, isWellFormedSerial, normalizeSerial,
  type CertificateVerification, type MyResult, type ProgramDefinition, type PublicCorrection, type PublicResults, type TierName,
} from '@lvping/domain';
import type { Actor, Deps } from '../../context.ts';
import type { Db } from '../../db/database.ts';
import { findApplication } from '../applications/application.repository.ts';
import { publicationAnchor } from '../audit/audit-anchor.service.ts';
import { findOutcome, listDecisions } from '../outcome/outcome.repository.ts';
import { findProgramById, findProgramBySlug } from '../programs/program.repository.ts';
import { programDefinition } from '../programs/program.service.ts';
import { titleOf } from '../review/ranking.service.ts';
import { certificateSettings, englishNames, tierOf, trackOf, verifyUrl } from './certificates.ts';
import { certificatesOfApplication, findCertificate, listAwardWinners, listCorrections, publicationApplications } from './publication.repository.ts';

// What the public reads once results are published (per program and per track, no scores),
// the certificate verification, and an applicant's own result.

const notPublished = () => new AppError('NOT_FOUND', { message: { 'zh-CN': '该活动的评选结果尚未发布', en: 'The results of this program are not published yet' } });

/** A published program by slug: anything else (unknown, draft, not yet published) is a 404. */
export async function publishedProgram(deps: Deps, slug: string) {
  const row = await findProgramBySlug(deps.db, slug);
  if (!row?.definition_json || row.status === 'draft') throw new AppError('NOT_FOUND');
  const outcome = await findOutcome(deps.db, row.id);
  if (outcome?.status !== 'published' || outcome.published_at === null) throw notPublished();
  return { row, def: programDefinition(row), publishedAt: outcome.published_at };
}

export async function resultsStatus(deps: Deps, slug: string) {
  const row = await findProgramBySlug(deps.db, slug);
  if (!row || row.status === 'draft') throw new AppError('NOT_FOUND');
  const outcome = await findOutcome(deps.db, row.id);
  const published = outcome?.status === 'published';
  return { published, publishedAt: published ? outcome!.published_at : null };
}

/** The winners with their applications, ordered by track, tier (definition order) and rank. */
export async function winnersOf(db: Db, programId: string, def: ProgramDefinition) {
  const decisions = (await listDecisions(db, programId)).filter((d) => d.tier_id && !d.removed);
  const apps = new Map((await publicationApplications(db, programId, decisions.map((d) => d.application_id))).map((a) => [a.id, a]));
  return decisions.filter((d) => apps.has(d.application_id)).map((d) => ({ decision: d, app: apps.get(d.application_id)!, title: titleOf(def, apps.get(d.application_id)!) }));
}

export async function correctionsOf(db: Db, programId: string, def: ProgramDefinition) {
  return (await listCorrections(db, programId)).map((c) => {
    const track = trackOf(def, c.track_id);
    return {
      applicationId: c.application_id, by: c.by_name ?? '',
      at: c.created_at, trackId: c.track_id, trackName: track?.name ?? c.track_id, trackNameEn: track?.nameEn ?? null,
      title: titleOf(def, c), organization: c.org_name, from: tierOf(def, c.track_id, c.from_tier_id), to: tierOf(def, c.track_id, c.to_tier_id), reason: c.reason,
    };
  });
}

export async function publicResults(deps: Deps, slug: string, trackId?: string): Promise<PublicResults> {
  const { row, def, publishedAt } = await publishedProgram(deps, slug);
  if (trackId && !trackOf(def, trackId)) throw new AppError('NOT_FOUND', { message: { 'zh-CN': `本活动没有赛道 ${trackId}`, en: `This program has no track ${trackId}` } });
  const winners = await winnersOf(deps.db, row.id, def);
  const tracks = def.tracks.filter((t) => (trackId ? t.id === trackId : winners.some((w) => w.app.track_id === t.id))).map((t) => {
    const mine = winners.filter((w) => w.app.track_id === t.id);
    const known = t.awardTiers.map((x) => x.id);
    const tierIds = [...known, ...new Set(mine.map((w) => w.decision.tier_id!).filter((id) => !known.includes(id)))];
    return {
      id: t.id, name: t.name, nameEn: t.nameEn ?? null,
      tiers: tierIds.map((id) => ({
        ...tierOf(def, t.id, id)!,
        entries: mine.filter((w) => w.decision.tier_id === id).sort((a, b) => (a.decision.rank ?? 1e9) - (b.decision.rank ?? 1e9))
          .map((w) => ({ title: w.title, organization: w.app.org_name, unit: w.app.unit_name ?? null })),
      })).filter((x) => x.entries.length),
    };
  });
  const winnersByAward = new Map<string, string[]>();
  for (const w of await listAwardWinners(deps.db, row.id)) winnersByAward.set(w.award_id, [...(winnersByAward.get(w.award_id) ?? []), w.unit_name]);
  const corrections: PublicCorrection[] = (await correctionsOf(deps.db, row.id, def)).filter((c) => !trackId || c.trackId === trackId).map(({ applicationId: _a, by: _b, ...c }) => c);
  return {
    program: { slug: row.slug, name: def.name, nameEn: def.nameEn ?? null, year: def.year, organizers: def.organizers },
    publishedAt,
    tracks,
    programAwards: trackId ? [] : def.programAwards.filter((a) => winnersByAward.has(a.id)).map((a) => ({ id: a.id, name: a.name, nameEn: a.nameEn ?? null, winners: winnersByAward.get(a.id)! })),
    corrections,
    auditAnchor: await publicationAnchor(deps, row.id),
  };
}

/** Never an error for any text: what cannot be a serial, or is not one, is "unknown". */
export async function verifyCertificate(deps: Deps, raw: string): Promise<CertificateVerification> {
  const serial = normalizeSerial(raw).slice(0, 64);
  const wellFormed = isWellFormedSerial(serial);
  const unknown: CertificateVerification = { serial, status: 'unknown', wellFormed, certificate: null, revokedAt: null, revokeReason: null, replacedBy: null };
  if (!wellFormed) return unknown;
  const c = await findCertificate(deps.db, serial);
  const program = c && (await findProgramById(deps.db, c.program_id));
  if (!c || !program?.definition_json) return unknown;
  const def = programDefinition(program);
  const s = certificateSettings(def);
  const en = englishNames(def, c);
  const replacedBy = c.revoked_at !== null && c.application_id
    ? (await certificatesOfApplication(deps.db, c.application_id)).find((x) => x.revoked_at === null)?.serial ?? null
    : null;
  return {
    serial, wellFormed, status: c.revoked_at === null ? 'valid' : 'revoked',
    certificate: {
      title: s.title, titleEn: s.titleEn ?? null, organization: c.organization, project: c.project,
      programSlug: program.slug, programName: def.name, programNameEn: def.nameEn ?? null,
      trackName: c.track_name, trackNameEn: en.track, tierName: c.tier_name, tierNameEn: en.tier, issuedAt: c.issued_at,
    },
    revokedAt: c.revoked_at, revokeReason: c.revoke_reason, replacedBy,
  };
}

/** The applicant's own application only; anyone else's is a 404, like one that does not exist. */
export async function ownApplication(deps: Deps, actor: Actor | null, applicationId: string) {
  if (!actor) throw new AppError('UNAUTHENTICATED');
  const app = await findApplication(deps.db, applicationId);
  if (!app || app.applicant_user_id !== actor.userId) throw new AppError('NOT_FOUND');
  return app;
}

export async function myResult(deps: Deps, actor: Actor | null, applicationId: string): Promise<MyResult> {
  const app = await ownApplication(deps, actor, applicationId);
  const program = (await findProgramById(deps.db, app.program_id))!;
  const def = programDefinition(program);
  const outcome = await findOutcome(deps.db, app.program_id);
  const published = outcome?.status === 'published';
  const track = trackOf(def, app.track_id);
  let tier: TierName | null = null;
  let certificate: MyResult['certificate'] = null;
  if (published && app.status === 'awarded') {
    const d = (await listDecisions(deps.db, app.program_id)).find((x) => x.application_id === app.id);
    tier = tierOf(def, app.track_id, d?.tier_id ?? null);
    const c = (await certificatesOfApplication(deps.db, app.id)).find((x) => x.revoked_at === null);
    if (c) certificate = { serial: c.serial, issuedAt: c.issued_at, verifyUrl: verifyUrl(deps, c.serial) };
  }
  return {
    applicationId: app.id, published, publishedAt: published ? outcome!.published_at : null, programSlug: program.slug, programName: def.name,
    trackId: app.track_id, trackName: track?.name ?? app.track_id, trackNameEn: track?.nameEn ?? null, tier, certificate,
  };
}

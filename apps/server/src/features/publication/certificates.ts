import { randomBytes } from 'node:crypto';
import {
  chineseDate, defaultDecisionBlock, englishDate, fillMergeFields, makeSerial, programAwardText, programAwardTextEn, serialRandomPart, serialSequence,
  type ProgramDefinition,
} from '@lvping/domain';
import type { Deps } from '../../context.ts';
import type { Db } from '../../db/database.ts';
import type { CertificatePdfInput } from './certificate-pdf.ts';
import { insertCertificate, serialsOf, type CertificateRow } from './publication.repository.ts';

// Issuing certificates and turning a stored one into what the PDF prints. A certificate row
// keeps what was true when it was issued (organization, project, tier and track names), so a
// later edit of the definition or the organization never changes an issued certificate.

export const certificateSettings = (def: ProgramDefinition) => def.decision?.certificate ?? defaultDecisionBlock.certificate;

export const verifyPath = (serial: string) => `/verify/${encodeURIComponent(serial)}`;
export const verifyUrl = (deps: Deps, serial: string) => `${deps.config.publicUrl}${verifyPath(serial)}`;

export const trackOf = (def: ProgramDefinition, trackId: string) => def.tracks.find((t) => t.id === trackId);

/** A tier by id with its names (an id no longer in the definition keeps its id as its name). */
export function tierOf(def: ProgramDefinition, trackId: string, tierId: string | null) {
  if (!tierId) return null;
  const t = trackOf(def, trackId)?.awardTiers.find((x) => x.id === tierId);
  return { id: tierId, name: t?.name ?? tierId, nameEn: t?.nameEn ?? null };
}

/** Numbers the program's next certificates after the highest sequence used so far. */
export async function serialAllocator(trx: Db, programId: string, def: ProgramDefinition) {
  let seq = Math.max(0, ...(await serialsOf(trx, programId)).map((s) => serialSequence(s) ?? 0));
  const prefix = certificateSettings(def).serialPrefix;
  return () => makeSerial({ prefix, year: def.year, seq: ++seq, random: serialRandomPart(randomBytes(5)) });
}

export type Issue = Omit<CertificateRow, 'serial' | 'program_id' | 'revoked_at' | 'revoke_reason'>;

export async function issueCertificate(trx: Db, programId: string, next: () => string, c: Issue): Promise<string> {
  const serial = next();
  await insertCertificate(trx, { ...c, serial, program_id: programId, revoked_at: null, revoke_reason: null });
  return serial;
}

/** The names of a certificate in English, from the definition (null where it has none). */
export function englishNames(def: ProgramDefinition, c: CertificateRow) {
  if (c.award_id) {
    const award = def.programAwards.find((a) => a.id === c.award_id);
    return { tier: award?.nameEn ?? null, track: null };
  }
  const track = def.tracks.find((t) => t.name === c.track_name);
  return { tier: track?.awardTiers.find((t) => t.id === c.tier_id)?.nameEn ?? null, track: track?.nameEn ?? null };
}

export function certificatePdfInput(deps: Deps, def: ProgramDefinition, c: CertificateRow): CertificatePdfInput {
  const s = certificateSettings(def);
  const award = !!c.award_id;
  const zh = { organization: c.organization, project: c.project, tier: c.tier_name, track: c.track_name, program: def.name, date: chineseDate(c.issued_at), serial: c.serial };
  const names = englishNames(def, c);
  const en = { ...zh, tier: names.tier ?? c.tier_name, track: names.track ?? c.track_name, program: def.nameEn ?? def.name, date: englishDate(c.issued_at) };
  const textEn = award ? programAwardTextEn : s.textEn;
  return {
    title: s.title,
    titleEn: s.titleEn ?? null,
    text: fillMergeFields(award ? programAwardText : s.text, zh),
    textEn: textEn ? fillMergeFields(textEn, en) : null,
    issuers: s.issuers ?? def.organizers,
    date: zh.date,
    serial: c.serial,
    verifyUrl: verifyUrl(deps, c.serial),
  };
}

/** A file name for a certificate inside a ZIP or a download. */
export const certificateFileName = (c: CertificateRow) =>
  Array.from(`${c.serial}-${c.organization}`, (ch) => (ch < ' ' || '\\/:*?"<>|'.includes(ch) ? '_' : ch)).join('').slice(0, 150) + '.pdf';

// What the signed-in user may do in screening, read from their grants with the domain's own rule
// (the server checks every request again; this only decides what to offer).
import { can, type Grant } from '@lvping/domain/access/roles.ts';
import type { ProgramDetail } from '../api/programs.api.ts';

type Who = { id: string; grants: readonly Grant[] } | null;
const subject = (u: NonNullable<Who>) => ({ userId: u.id, grants: u.grants });

/** The program's tracks this user screens (a track grant narrows a review institution to its track). */
export function screeningTracks(user: Who, program: Pick<ProgramDetail, 'id' | 'definition'>): { id: string; name: string }[] {
  if (!user) return [];
  return program.definition.tracks
    .filter((tr) => can(subject(user), 'application.screen', { programId: program.id, trackId: tr.id }))
    .map((tr) => ({ id: tr.id, name: tr.name }));
}

/** Organizers release reasons to applicants (program.publish). */
export const mayRelease = (user: Who, programId: string) => !!user && can(subject(user), 'program.publish', { programId });

/** Organizers set a new deadline with a return (program.configure). */
export const mayExtend = (user: Who, programId: string) => !!user && can(subject(user), 'program.configure', { programId });

/** The programs a review institution was granted (platform admins see every program they manage). */
export function screenedProgramIds(user: Who): string[] {
  if (!user) return [];
  const ids = user.grants.filter((g) => (g.role === 'review_institution' || g.role === 'organizer') && g.programId).map((g) => g.programId!);
  return [...new Set(ids)];
}

// The programs the signed-in user may invite experts to: those where some grant lets them build
// the review (review.assign), wholly or on some tracks. The server checks every invitation again.
import { can, isPlatformAdmin, permissions, type Subject } from '@lvping/domain/access/roles.ts';
import type { Me } from '../api/auth.api.ts';
import { programsApi, type ProgramDetail } from '../api/programs.api.ts';

export type InvitableProgram = {
  id: string;
  slug: string;
  name: string;
  /** Whether the invitation may be for the whole program (else only for one of `tracks`). */
  wholeProgram: boolean;
  tracks: { id: string; name: string }[];
};

const subjectOf = (user: Me): Subject => ({ userId: user.id, grants: user.grants });

function invitable(user: Me, p: ProgramDetail): InvitableProgram | null {
  const who = subjectOf(user);
  const wholeProgram = can(who, 'review.assign', { programId: p.id });
  const tracks = p.definition.tracks.filter((tr) => wholeProgram || can(who, 'review.assign', { programId: p.id, trackId: tr.id }));
  if (!wholeProgram && tracks.length === 0) return null;
  return { id: p.id, slug: p.slug, name: p.definition.name, wholeProgram, tracks: tracks.map((tr) => ({ id: tr.id, name: tr.name })) };
}

export async function loadInvitablePrograms(user: Me | null): Promise<InvitableProgram[]> {
  if (!user) return [];
  const ids = isPlatformAdmin(subjectOf(user))
    ? (await programsApi.manageable()).programs.map((p) => p.id)
    : [...new Set(user.grants.filter((g) => g.programId && permissions[g.role].includes('review.assign')).map((g) => g.programId!))];
  // A program that went away (or back to a draft one cannot read) is left out rather than failing the page.
  const found = await Promise.all(ids.map((id) => programsApi.get(id).catch(() => null)));
  return found.flatMap((p) => (p ? [invitable(user, p)].filter((x): x is InvitableProgram => x !== null) : []));
}

import type { ProgramDetail } from '../api/programs.api.ts';
import { RaceBoard } from './race-board.tsx';
import '../i18n/needs.ts';

/** The organizer's 赛马 tab of a 揭榜挂帅 program. */
export function MilestonesTab({ program }: { program: ProgramDetail }) {
  return <RaceBoard programId={program.id} />;
}

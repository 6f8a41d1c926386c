import type { ProgramDetail } from '../api/programs.api.ts';
import { useSession } from '../session/session.tsx';
import { ScreeningQueue } from '../review/screening-queue.tsx';
import { mayRelease, screeningTracks } from '../review/scope.ts';
import '../review/review.css';
import '../i18n/review.ts';

/** 初筛 from the organizer's program page: the same queue as the review institutions', every track. */
export function ScreeningTab({ program }: { program: ProgramDetail }) {
  const { user } = useSession();
  return (
    <div data-testid="screening-tab">
      <ScreeningQueue
        programId={program.id}
        tracks={screeningTracks(user, program)}
        hrefOf={(id) => `/organizer/programs/${program.id}/screening/${id}`}
        canRelease={mayRelease(user, program.id)}
        extraParams={{ tab: 'screening' }}
      />
    </div>
  );
}

import { lazy, type ReactNode } from 'react';
import { Navigate, Route, Routes } from 'react-router-dom';
import { RequireActionSomewhere, RequireArea, RequireAuth } from './shell/guards.tsx';
import type { AreaKey } from './shell/areas.ts';

// The work areas' routes, loaded as one small chunk behind the first page (routes.tsx): the first
// page's entry carries only the public and sign-in pages' chunk names, and each page here is still
// its own chunk, fetched when it is opened.
const MyApplicationsPage = lazy(() => import('./applicant/my-applications-page.tsx'));
const NewOrganizationPage = lazy(() => import('./applicant/new-organization-page.tsx'));
const ApplicationPage = lazy(() => import('./applicant/application-page.tsx'));
const OrganizerHomePage = lazy(() => import('./organizer/organizer-home-page.tsx'));
const ProgramAdminPage = lazy(() => import('./organizer/program-admin-page.tsx'));
const OrganizerApplicationPage = lazy(() => import('./organizer/organizer-application-page.tsx'));
const ReviewSchedulePage = lazy(() => import('./organizer/review-schedule-page.tsx'));
const ExpertPoolPage = lazy(() => import('./organizer/expert-pool-page.tsx'));
const ExpertInvitationPage = lazy(() => import('./expert/expert-invitation-page.tsx'));
const MyAssignmentsPage = lazy(() => import('./expert/my-assignments-page.tsx'));
const ReviewWorkspacePage = lazy(() => import('./expert/review-workspace-page.tsx'));
const RoadshowTimerPage = lazy(() => import('./expert/roadshow-timer-page.tsx'));
const ScreeningPage = lazy(() => import('./review/screening-page.tsx'));
const ReviewHomePage = lazy(() => import('./review/review-home-page.tsx'));
const QueuePage = lazy(() => import('./review/queue-page.tsx'));
const RecommenderHomePage = lazy(() => import('./recommender/recommender-home-page.tsx'));
const UnitPage = lazy(() => import('./recommender/unit-page.tsx'));
const CandidatePage = lazy(() => import('./recommender/candidate-page.tsx'));
const AcceptInvitationPage = lazy(() => import('./recommender/accept-invitation-page.tsx'));
const InviteLandingPage = lazy(() => import('./recommender/invite-landing-page.tsx'));
const CommitteeHomePage = lazy(() => import('./committee/committee-home-page.tsx'));
const CommitteeListPage = lazy(() => import('./committee/committee-list-page.tsx'));
const HolidaysPage = lazy(() => import('./admin/holidays-page.tsx'));
const ComingSoonPage = lazy(() => import('./pages/areas/coming-soon-page.tsx'));
const NotFoundPage = lazy(() => import('./pages/not-found-page.tsx'));

// Role areas not built yet; each gets its real pages in its own issue.
const placeholderAreas: { key: AreaKey; path: string }[] = [
  { key: 'admin', path: 'admin/*' },
];

const area = (key: AreaKey) => (page: ReactNode) => <RequireArea area={key}>{page}</RequireArea>;
const organizer = area('organizer');
const review = area('review');
const recommender = area('recommender');
const expert = area('expert');
const committee = area('committee');

export default function WorkRoutes() {
  return (
    <Routes>
      <Route path="my/applications" element={<RequireAuth><MyApplicationsPage /></RequireAuth>} />
      <Route path="my/organizations/new" element={<RequireAuth><NewOrganizationPage /></RequireAuth>} />
      <Route path="applications/:id" element={<RequireAuth><ApplicationPage /></RequireAuth>} />
      <Route path="organizer" element={organizer(<OrganizerHomePage />)} />
      <Route path="organizer/programs/:programId" element={organizer(<ProgramAdminPage />)} />
      <Route path="organizer/programs/:programId/applications/:id" element={organizer(<OrganizerApplicationPage />)} />
      <Route path="organizer/programs/:programId/screening/:id" element={organizer(<ScreeningPage />)} />
      <Route path="organizer/programs/:programId/rounds/:roundId/schedule" element={organizer(<ReviewSchedulePage />)} />
      {/* The pool is shared by every program: whoever may manage experts somewhere (organizers, review institutions). */}
      <Route path="organizer/experts" element={<RequireActionSomewhere action="expert.manage"><ExpertPoolPage /></RequireActionSomewhere>} />
      <Route path="organizer/*" element={organizer(<NotFoundPage />)} />
      <Route path="review" element={review(<ReviewHomePage />)} />
      <Route path="review/programs/:programId" element={review(<QueuePage />)} />
      <Route path="review/programs/:programId/applications/:id" element={review(<ScreeningPage />)} />
      <Route path="review/*" element={review(<NotFoundPage />)} />
      <Route path="recommender" element={recommender(<RecommenderHomePage />)} />
      <Route path="recommender/units/:unitId" element={recommender(<UnitPage />)} />
      <Route path="recommender/candidates/:applicationId" element={recommender(<CandidatePage />)} />
      <Route path="recommender/*" element={recommender(<NotFoundPage />)} />
      <Route path="recommendation/accept" element={<AcceptInvitationPage />} />
      <Route path="apply/invite/:token" element={<InviteLandingPage />} />
      {/* The emailed link: open before signing in (the invited may have no account yet, nor the expert role). */}
      <Route path="expert/invitation" element={<ExpertInvitationPage />} />
      <Route path="expert" element={expert(<Navigate to="/expert/assignments" replace />)} />
      <Route path="expert/assignments" element={expert(<MyAssignmentsPage />)} />
      <Route path="expert/assignments/:assignmentId" element={expert(<ReviewWorkspacePage />)} />
      <Route path="expert/assignments/:assignmentId/timer" element={expert(<RoadshowTimerPage />)} />
      <Route path="expert/*" element={expert(<NotFoundPage />)} />
      <Route path="committee" element={committee(<CommitteeHomePage />)} />
      <Route path="committee/programs/:programId" element={committee(<CommitteeListPage />)} />
      <Route path="committee/*" element={committee(<NotFoundPage />)} />
      <Route path="admin/holidays" element={<RequireArea area="admin"><HolidaysPage /></RequireArea>} />
      {placeholderAreas.map((a) => (
        <Route key={a.key} path={a.path} element={<RequireArea area={a.key}><ComingSoonPage area={a.key} /></RequireArea>} />
      ))}
      <Route path="*" element={<NotFoundPage />} />
    </Routes>
  );
}

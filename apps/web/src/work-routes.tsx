import { lazy, type ReactNode } from 'react';
import { Route, Routes } from 'react-router-dom';
import { RequireArea, RequireAuth } from './shell/guards.tsx';
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
const ScreeningPage = lazy(() => import('./review/screening-page.tsx'));
const ReviewHomePage = lazy(() => import('./review/review-home-page.tsx'));
const QueuePage = lazy(() => import('./review/queue-page.tsx'));
const RecommenderHomePage = lazy(() => import('./recommender/recommender-home-page.tsx'));
const UnitPage = lazy(() => import('./recommender/unit-page.tsx'));
const CandidatePage = lazy(() => import('./recommender/candidate-page.tsx'));
const AcceptInvitationPage = lazy(() => import('./recommender/accept-invitation-page.tsx'));
const InviteLandingPage = lazy(() => import('./recommender/invite-landing-page.tsx'));
const ComingSoonPage = lazy(() => import('./pages/areas/coming-soon-page.tsx'));
const NotFoundPage = lazy(() => import('./pages/not-found-page.tsx'));

// Role areas not built yet; each gets its real pages in its own issue.
const placeholderAreas: { key: AreaKey; path: string }[] = [
  { key: 'admin', path: 'admin/*' },
  { key: 'expert', path: 'expert/*' },
  { key: 'committee', path: 'committee/*' },
];

const area = (key: AreaKey) => (page: ReactNode) => <RequireArea area={key}>{page}</RequireArea>;
const organizer = area('organizer');
const review = area('review');
const recommender = area('recommender');

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
      {placeholderAreas.map((a) => (
        <Route key={a.key} path={a.path} element={<RequireArea area={a.key}><ComingSoonPage area={a.key} /></RequireArea>} />
      ))}
      <Route path="*" element={<NotFoundPage />} />
    </Routes>
  );
}

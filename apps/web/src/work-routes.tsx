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
const JobsPage = lazy(() => import('./admin/jobs-page.tsx'));
const PublicNeedsPage = lazy(() => import('./needs/public-needs-page.tsx'));
const PublicNeedPage = lazy(() => import('./needs/public-need-page.tsx'));
const MyNeedsPage = lazy(() => import('./needs/my-needs-page.tsx'));
const NeedEditPage = lazy(() => import('./needs/need-edit-page.tsx'));
const NeedReviewPage = lazy(() => import('./needs/need-review-page.tsx'));
const RacePage = lazy(() => import('./needs/race-page.tsx'));
const SolverMilestonesPage = lazy(() => import('./needs/solver-milestones-page.tsx'));
const MatchHomePage = lazy(() => import('./match/match-home-page.tsx'));
const MatchProfileFormPage = lazy(() => import('./match/profile-form-page.tsx'));
const MatchesPage = lazy(() => import('./match/matches-page.tsx'));
const MatchInterestsPage = lazy(() => import('./match/interests-page.tsx'));
const MatchReviewPage = lazy(() => import('./match/profile-review-page.tsx'));
const PublicCatalogPage = lazy(() => import('./catalog/public-catalog-page.tsx'));
const PublicEntryPage = lazy(() => import('./catalog/public-entry-page.tsx'));
const MyCatalogEntriesPage = lazy(() => import('./catalog/my-entries-page.tsx'));
const CatalogEntryEditPage = lazy(() => import('./catalog/entry-edit-page.tsx'));
const CatalogReviewPage = lazy(() => import('./catalog/catalog-review-page.tsx'));
const MeetingsHomePage = lazy(() => import('./meetings/meetings-home-page.tsx'));
const MeetingEventPage = lazy(() => import('./meetings/meeting-event-page.tsx'));
const DealsPage = lazy(() => import('./deals/deals-page.tsx'));
const ServicesPage = lazy(() => import('./deals/services-page.tsx'));
const MatchDashboardPage = lazy(() => import('./deals/match-dashboard-page.tsx'));
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
      <Route path="admin/jobs" element={<RequireArea area="admin"><JobsPage /></RequireArea>} />
      {/* 技术需求: the public list and detail need no sign-in; the server checks the review queue (catalog.manage) and 赛马 access. */}
      <Route path="needs" element={<PublicNeedsPage />} />
      <Route path="needs/mine" element={<RequireAuth><MyNeedsPage /></RequireAuth>} />
      <Route path="needs/new" element={<RequireAuth><NeedEditPage /></RequireAuth>} />
      <Route path="needs/mine/:needId" element={<RequireAuth><NeedEditPage /></RequireAuth>} />
      <Route path="needs/review" element={<RequireAuth><NeedReviewPage /></RequireAuth>} />
      <Route path="needs/race/:programId" element={<RequireAuth><RacePage /></RequireAuth>} />
      <Route path="needs/solver/:programId" element={<RequireAuth><SolverMilestonesPage /></RequireAuth>} />
      <Route path="needs/:needId" element={<PublicNeedPage />} />
      <Route path="catalog" element={<PublicCatalogPage />} />
      <Route path="catalog/mine" element={<RequireAuth><MyCatalogEntriesPage /></RequireAuth>} />
      <Route path="catalog/review" element={<RequireAuth><CatalogReviewPage /></RequireAuth>} />
      <Route path="catalog/entries/:entryId/edit" element={<RequireAuth><CatalogEntryEditPage /></RequireAuth>} />
      <Route path="catalog/:entryId" element={<PublicEntryPage />} />
      {/* 供需对接: any signed-in user may apply for a profile or see its technologies' matches; the server checks each list and action. */}
      <Route path="match" element={<RequireAuth><MatchHomePage /></RequireAuth>} />
      <Route path="match/apply/:kind" element={<RequireAuth><MatchProfileFormPage /></RequireAuth>} />
      <Route path="match/entries/:id" element={<RequireAuth><MatchesPage subject="entry" /></RequireAuth>} />
      <Route path="match/profiles/:id" element={<RequireAuth><MatchesPage subject="profile" /></RequireAuth>} />
      <Route path="match/needs/:id" element={<RequireAuth><MatchesPage subject="need" /></RequireAuth>} />
      <Route path="match/interests" element={<RequireAuth><MatchInterestsPage /></RequireAuth>} />
      <Route path="match/review" element={<RequireAuth><MatchReviewPage /></RequireAuth>} />
      {/* 对接会, deals, IP services and the dashboard: any signed-in user (technology owners hold no role); the server checks each. */}
      <Route path="meetings" element={<RequireAuth><MeetingsHomePage /></RequireAuth>} />
      <Route path="meetings/:eventId" element={<RequireAuth><MeetingEventPage /></RequireAuth>} />
      <Route path="deals" element={<RequireAuth><DealsPage /></RequireAuth>} />
      <Route path="deals/dashboard" element={<RequireActionSomewhere action="deal.read"><MatchDashboardPage /></RequireActionSomewhere>} />
      <Route path="services" element={<RequireAuth><ServicesPage /></RequireAuth>} />
      {placeholderAreas.map((a) => (
        <Route key={a.key} path={a.path} element={<RequireArea area={a.key}><ComingSoonPage area={a.key} /></RequireArea>} />
      ))}
      <Route path="*" element={<NotFoundPage />} />
    </Routes>
  );
}

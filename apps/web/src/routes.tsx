import { lazy, type ReactNode } from 'react';
import { Route, Routes } from 'react-router-dom';
import { AppShell } from './shell/app-shell.tsx';
import { GuestOnly, RequireArea, RequireAuth } from './shell/guards.tsx';
import type { AreaKey } from './shell/areas.ts';

// Every page is its own chunk: the first visit loads the shell and the one page it asked for.
const HomePage = lazy(() => import('./pages/home/home-page.tsx'));
const LoginPage = lazy(() => import('./pages/auth/login-page.tsx'));
const RegisterPage = lazy(() => import('./pages/auth/register-page.tsx'));
const ForgotPasswordPage = lazy(() => import('./pages/auth/forgot-password-page.tsx'));
const ResetPasswordPage = lazy(() => import('./pages/auth/reset-password-page.tsx'));
const ChangePasswordPage = lazy(() => import('./pages/auth/change-password-page.tsx'));
const ProgramPage = lazy(() => import('./public/program-page.tsx'));
const MyApplicationsPage = lazy(() => import('./applicant/my-applications-page.tsx'));
const NewOrganizationPage = lazy(() => import('./applicant/new-organization-page.tsx'));
const ApplicationPage = lazy(() => import('./applicant/application-page.tsx'));
const OrganizerHomePage = lazy(() => import('./organizer/organizer-home-page.tsx'));
const ProgramAdminPage = lazy(() => import('./organizer/program-admin-page.tsx'));
const OrganizerApplicationPage = lazy(() => import('./organizer/organizer-application-page.tsx'));
const ComingSoonPage = lazy(() => import('./pages/areas/coming-soon-page.tsx'));
const NotFoundPage = lazy(() => import('./pages/not-found-page.tsx'));

// Role areas not built yet; each gets its real pages in its own issue.
const placeholderAreas: { key: AreaKey; path: string }[] = [
  { key: 'admin', path: '/admin/*' },
  { key: 'review', path: '/review/*' },
  { key: 'recommender', path: '/recommender/*' },
  { key: 'expert', path: '/expert/*' },
  { key: 'committee', path: '/committee/*' },
];

const organizer = (page: ReactNode) => <RequireArea area="organizer">{page}</RequireArea>;

export function AppRoutes() {
  return (
    <Routes>
      <Route element={<AppShell />}>
        <Route index element={<HomePage />} />
        <Route path="login" element={<GuestOnly><LoginPage /></GuestOnly>} />
        <Route path="register" element={<GuestOnly><RegisterPage /></GuestOnly>} />
        <Route path="forgot-password" element={<ForgotPasswordPage />} />
        <Route path="reset-password" element={<ResetPasswordPage />} />
        <Route path="change-password" element={<RequireAuth><ChangePasswordPage /></RequireAuth>} />
        <Route path="programs/:slug" element={<ProgramPage />} />
        <Route path="my/applications" element={<RequireAuth><MyApplicationsPage /></RequireAuth>} />
        <Route path="my/organizations/new" element={<RequireAuth><NewOrganizationPage /></RequireAuth>} />
        <Route path="applications/:id" element={<RequireAuth><ApplicationPage /></RequireAuth>} />
        <Route path="organizer" element={organizer(<OrganizerHomePage />)} />
        <Route path="organizer/programs/:programId" element={organizer(<ProgramAdminPage />)} />
        <Route path="organizer/programs/:programId/applications/:id" element={organizer(<OrganizerApplicationPage />)} />
        <Route path="organizer/*" element={organizer(<NotFoundPage />)} />
        {placeholderAreas.map((a) => (
          <Route key={a.key} path={a.path} element={<RequireArea area={a.key}><ComingSoonPage area={a.key} /></RequireArea>} />
        ))}
        <Route path="*" element={<NotFoundPage />} />
      </Route>
    </Routes>
  );
}

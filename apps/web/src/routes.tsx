import { lazy } from 'react';
import { Route, Routes } from 'react-router-dom';
import { AppShell } from './shell/app-shell.tsx';
import { GuestOnly, RequireAuth } from './shell/guards.tsx';

// Every page is its own chunk: the first visit loads the shell and the one page it asked for. The
// pages a first visit lands on are listed here; the work areas' routes (applications, organizer,
// screening, recommendation…) are one more small chunk, work-routes.tsx, so this entry stays small.
const HomePage = lazy(() => import('./pages/home/home-page.tsx'));
const LoginPage = lazy(() => import('./pages/auth/login-page.tsx'));
const RegisterPage = lazy(() => import('./pages/auth/register-page.tsx'));
const ForgotPasswordPage = lazy(() => import('./pages/auth/forgot-password-page.tsx'));
const ResetPasswordPage = lazy(() => import('./pages/auth/reset-password-page.tsx'));
const RegisterConfirmPage = lazy(() => import('./pages/auth/register-confirm-page.tsx'));
const ChangePasswordPage = lazy(() => import('./pages/auth/change-password-page.tsx'));
const ProgramPage = lazy(() => import('./public/program-page.tsx'));
const PublicityPage = lazy(() => import('./public/publicity-page.tsx'));
const ObjectionStatusPage = lazy(() => import('./public/objection-status-page.tsx'));
const ResultsPage = lazy(() => import('./public/results-page.tsx'));
const VerifyPage = lazy(() => import('./public/verify-page.tsx'));
const WorkRoutes = lazy(() => import('./work-routes.tsx'));

export function AppRoutes() {
  return (
    <Routes>
      <Route element={<AppShell />}>
        <Route index element={<HomePage />} />
        <Route path="login" element={<GuestOnly><LoginPage /></GuestOnly>} />
        <Route path="register" element={<GuestOnly><RegisterPage /></GuestOnly>} />
        <Route path="forgot-password" element={<ForgotPasswordPage />} />
        <Route path="reset-password" element={<ResetPasswordPage />} />
        <Route path="register/confirm" element={<RegisterConfirmPage />} />
        <Route path="change-password" element={<RequireAuth><ChangePasswordPage /></RequireAuth>} />
        <Route path="programs/:slug" element={<ProgramPage />} />
        <Route path="programs/:slug/publicity" element={<PublicityPage />} />
        <Route path="objections/status" element={<ObjectionStatusPage />} />
        <Route path="programs/:slug/results" element={<ResultsPage />} />
        <Route path="programs/:slug/results/:trackId" element={<ResultsPage />} />
        <Route path="verify" element={<VerifyPage />} />
        <Route path="verify/:serial" element={<VerifyPage />} />
        <Route path="*" element={<WorkRoutes />} />
      </Route>
    </Routes>
  );
}

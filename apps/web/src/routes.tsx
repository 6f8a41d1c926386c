import { lazy } from 'react';
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
const MyApplicationsPage = lazy(() => import('./pages/my/my-applications-page.tsx'));
const ComingSoonPage = lazy(() => import('./pages/areas/coming-soon-page.tsx'));
const NotFoundPage = lazy(() => import('./pages/not-found-page.tsx'));

// Role areas not built yet; each gets its real pages in its own issue.
const placeholderAreas: { key: AreaKey; path: string }[] = [
  { key: 'admin', path: '/admin/*' },
  { key: 'organizer', path: '/organizer/*' },
  { key: 'review', path: '/review/*' },
  { key: 'recommender', path: '/recommender/*' },
  { key: 'expert', path: '/expert/*' },
  { key: 'committee', path: '/committee/*' },
];

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
        <Route path="my/applications" element={<RequireAuth><MyApplicationsPage /></RequireAuth>} />
        {placeholderAreas.map((a) => (
          <Route key={a.key} path={a.path} element={<RequireArea area={a.key}><ComingSoonPage area={a.key} /></RequireArea>} />
        ))}
        <Route path="*" element={<NotFoundPage />} />
      </Route>
    </Routes>
  );
}

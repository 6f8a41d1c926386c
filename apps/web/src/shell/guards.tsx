import { lazy, type ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router-dom';
import { canOnSomeProgram, type Action } from '@lvping/domain/access/roles.ts';
import { useSession } from '../session/session.tsx';
import { areaByKey, landingPath, mayEnter, type AreaKey } from './areas.ts';

type FromState = { from?: { pathname: string; search?: string } } | null;

/** Where to go after signing in: back to the page that asked for it, else home. */
export function useReturnPath(): string {
  const state = useLocation().state as FromState;
  const from = state?.from;
  if (!from || from.pathname === '/login' || from.pathname === '/register') return '/';
  return from.pathname + (from.search ?? '');
}

export function RequireAuth({ children }: { children: ReactNode }) {
  const { user } = useSession();
  const location = useLocation();
  if (!user) return <Navigate to="/login" replace state={{ from: location }} />;
  return <>{children}</>;
}

/** Signed-in people have no business on the login and sign-up pages. */
export function GuestOnly({ children }: { children: ReactNode }) {
  const { user } = useSession();
  const to = useReturnPath();
  // Home is no destination of its own: a sign-in from there goes to the person's workspace.
  if (user) return <Navigate to={to === '/' ? landingPath(user) : to} replace />;
  return <>{children}</>;
}

// Shown inside the shell's Suspense; a chunk of its own (antd's Result is large).
const Forbidden = lazy(() => import('./forbidden.tsx'));

export function RequireArea({ area, children }: { area: AreaKey; children: ReactNode }) {
  const { user } = useSession();
  return <RequireAuth>{mayEnter(user, areaByKey(area)) ? children : <Forbidden />}</RequireAuth>;
}

/**
 * For what belongs to no one program, like the expert pool: some grant of the person must allow
 * the action (on any program). The server checks every request again.
 */
export function RequireActionSomewhere({ action, children }: { action: Action; children: ReactNode }) {
  const { user } = useSession();
  const allowed = !!user && canOnSomeProgram({ userId: user.id, grants: user.grants }, action);
  return <RequireAuth>{allowed ? children : <Forbidden />}</RequireAuth>;
}

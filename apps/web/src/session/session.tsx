import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { authApi, type LoginBody, type Me, type RegisterBody } from '../api/auth.api.ts';
import { setClientHooks, setCsrfToken, type ApiError } from '../api/client.ts';

export type SessionStatus = 'loading' | 'ready' | 'error';

export type Session = {
  status: SessionStatus;
  user: Me | null;
  /** Set when the initial session request failed (server down, network). */
  error: ApiError | null;
  /** True once a signed-in user was signed out by the server (expired, revoked). */
  lost: boolean;
  refresh: () => Promise<Me | null>;
  login: (body: LoginBody) => Promise<Me>;
  /** The new user, or null when the account waits for the emailed link. */
  register: (body: RegisterBody) => Promise<Me | null>;
  /** Follows the emailed sign-up link: signed in, and where to continue. */
  confirmRegistration: (token: string) => Promise<{ me: Me; next: string | null }>;
  logout: () => Promise<void>;
  acknowledgeLost: () => void;
};

const SessionContext = createContext<Session | null>(null);

export function SessionProvider({ children }: { children: ReactNode }) {
  const [status, setStatus] = useState<SessionStatus>('loading');
  const [user, setUser] = useState<Me | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const [lost, setLost] = useState(false);
  // The client hooks are registered once; they read the latest user through this ref.
  const userRef = useRef<Me | null>(null);
  useEffect(() => {
    userRef.current = user;
  }, [user]);

  const refresh = useCallback(async () => {
    try {
      const s = await authApi.session();
      setCsrfToken(s.csrfToken);
      setUser(s.user);
      setError(null);
      setStatus('ready');
      return s.user;
    } catch (e) {
      setError(e as ApiError);
      // Keep the page usable if we already knew who this is; only the first load blocks on it.
      setStatus((prev) => (prev === 'loading' ? 'error' : prev));
      return userRef.current;
    }
  }, []);

  useEffect(() => {
    setClientHooks({
      refreshCsrf: async () => {
        await refresh();
      },
      onUnauthenticated: () => {
        if (userRef.current) setLost(true);
        void refresh();
      },
    });
    void refresh();
  }, [refresh]);

  const adopt = useCallback((s: { user: Me | null; csrfToken: string }) => {
    setCsrfToken(s.csrfToken);
    setUser(s.user);
    setLost(false);
    setStatus('ready');
    if (!s.user) throw new Error('server returned no user');
    return s.user;
  }, []);

  const login = useCallback(async (body: LoginBody) => adopt(await authApi.login(body)), [adopt]);
  const register = useCallback(async (body: RegisterBody) => {
    const res = await authApi.register(body);
    if (res.checkEmail) {
      setCsrfToken(res.csrfToken);
      return null;
    }
    return adopt(res);
  }, [adopt]);
  const confirmRegistration = useCallback(async (token: string) => {
    const res = await authApi.confirmRegistration({ token });
    return { me: adopt(res), next: res.next };
  }, [adopt]);

  const logout = useCallback(async () => {
    try {
      await authApi.logout();
    } finally {
      // Whatever the server said, this tab forgets the user and gets a fresh anonymous CSRF token.
      setUser(null);
      await refresh();
    }
  }, [refresh]);

  const value = useMemo<Session>(
    () => ({ status, user, error, lost, refresh, login, register, confirmRegistration, logout, acknowledgeLost: () => setLost(false) }),
    [status, user, error, lost, refresh, login, register, confirmRegistration, logout],
  );
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): Session {
  const ctx = useContext(SessionContext);
  if (!ctx) throw new Error('useSession outside SessionProvider');
  return ctx;
}

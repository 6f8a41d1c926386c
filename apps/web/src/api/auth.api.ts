// Typed calls for /api/auth. Types only from the domain: the schemas themselves are loaded by
// the form pages, so zod stays out of the first page's bundle.
import type { Me } from '@lvping/domain/auth/auth.schema.ts';
import { api } from './client.ts';

export type { Me };
export type SessionResponse = { user: Me | null; csrfToken: string };
/** `next`: where to continue once the emailed sign-up link is followed (an invitation page). */
export type RegisterBody = { email: string; password: string; displayName: string; next?: string };
/** checkEmail: the account is created by the emailed link (user is null until then). */
export type RegisterResponse = SessionResponse & { checkEmail: boolean };
export type RegisterConfirmResponse = SessionResponse & { next: string | null };
export type LoginBody = { email: string; password: string };
type Ok = { ok: true };

export const authApi = {
  session: () => api.get<SessionResponse>('/api/auth/session'),
  register: (body: RegisterBody) => api.post<RegisterResponse>('/api/auth/register', body),
  confirmRegistration: (body: { token: string }) => api.post<RegisterConfirmResponse>('/api/auth/register/confirm', body),
  login: (body: LoginBody) => api.post<SessionResponse>('/api/auth/login', body),
  logout: () => api.post<Ok>('/api/auth/logout', {}),
  requestPasswordReset: (body: { email: string }) => api.post<Ok>('/api/auth/password-reset/request', body),
  confirmPasswordReset: (body: { token: string; password: string }) => api.post<Ok>('/api/auth/password-reset/confirm', body),
  changePassword: (body: { currentPassword: string; newPassword: string }) => api.post<Ok>('/api/auth/password/change', body),
};

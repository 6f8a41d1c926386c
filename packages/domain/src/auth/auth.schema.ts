import { z } from 'zod';
import { roles } from '../access/roles.ts';

export const EmailSchema = z.email().max(254).transform((s) => s.trim().toLowerCase());
// Long passphrases are welcome; the upper bound only stops hashing megabytes.
export const PasswordSchema = z.string().min(8).max(128);
export const DisplayNameSchema = z.string().trim().min(1).max(60);

/** A path on this site to continue at (an invitation page): never another origin, nor `//host`. */
export const NextPathSchema = z.string().max(500).regex(/^\/(?![/\\])[^\s]*$/);

export const RegisterRequestSchema = z.strictObject({
  email: EmailSchema,
  password: PasswordSchema,
  displayName: DisplayNameSchema,
  /** Where to continue once the emailed link is followed. */
  next: NextPathSchema.optional(),
});
export type RegisterRequest = z.infer<typeof RegisterRequestSchema>;

/** Following the emailed sign-up link. */
export const RegisterConfirmSchema = z.strictObject({ token: z.string().min(20).max(200) });

export const LoginRequestSchema = z.strictObject({
  email: EmailSchema,
  password: z.string().min(1).max(128),
});
export type LoginRequest = z.infer<typeof LoginRequestSchema>;

export const PasswordResetRequestSchema = z.strictObject({ email: EmailSchema });
export const PasswordResetConfirmSchema = z.strictObject({
  token: z.string().min(20).max(200),
  password: PasswordSchema,
});
export const ChangePasswordRequestSchema = z.strictObject({
  currentPassword: z.string().min(1).max(128),
  newPassword: PasswordSchema,
});

export const GrantSchema = z.object({
  role: z.enum(roles),
  programId: z.string().nullable(),
  trackId: z.string().nullable(),
});

export const MeSchema = z.object({
  id: z.string(),
  email: z.string(),
  displayName: z.string(),
  mustChangePassword: z.boolean(),
  grants: z.array(GrantSchema),
});
export type Me = z.infer<typeof MeSchema>;

/** GET /api/auth/session: who is asking (null when signed out) and the CSRF token to echo. */
export const SessionResponseSchema = z.object({
  user: MeSchema.nullable(),
  csrfToken: z.string(),
});
export type SessionResponse = z.infer<typeof SessionResponseSchema>;

/**
 * POST /api/auth/register. With email verification (the default) `checkEmail` is true and
 * `user` null whether or not the address already had an account: the answer tells nothing,
 * the mailbox's owner learns the rest. Without it (REGISTRATION_VERIFY_EMAIL=0) the new
 * account is signed in at once.
 */
export const RegisterResponseSchema = SessionResponseSchema.extend({ checkEmail: z.boolean() });
export type RegisterResponse = z.infer<typeof RegisterResponseSchema>;

/** POST /api/auth/register/confirm: signed in, and where to continue. */
export const RegisterConfirmResponseSchema = SessionResponseSchema.extend({ next: z.string().nullable() });
export type RegisterConfirmResponse = z.infer<typeof RegisterConfirmResponseSchema>;

export const OkSchema = z.object({ ok: z.literal(true) });

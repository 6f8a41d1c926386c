import { AppError, can, type Action, type Scope, type Subject } from '@lvping/domain';

/** The guard every service calls first: signed in, and allowed by the role matrix. */
export function authorize(actor: Subject | null, action: Action, scope: Scope = {}): asserts actor is Subject {
  if (!actor) throw new AppError('UNAUTHENTICATED');
  if (!can(actor, action, scope)) throw new AppError('FORBIDDEN');
}

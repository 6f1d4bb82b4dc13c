import { ForbiddenError, UnauthenticatedError } from '../errors/errors';
import { encodeId } from '../ids';
import type { ServicePrincipal, TenantMembership, Viewer } from './viewer';

/** The role that may act on every user's data (support, moderation); granted by accounts. */
export const ADMIN_ROLE = 'admin';

/**
 * The one authorization API domain functions use (`ctx.auth`), so every rule reads the same in
 * every subgraph and holds however the function is reached — the SDL's access directives guard the
 * GraphQL edge, these checks guard the domain.
 */
export interface Authorization {
  /** The verified caller, or null for an anonymous request. */
  readonly viewer: Viewer | null;
  /** The caller; UNAUTHENTICATED when anonymous. */
  signedIn(): Viewer;
  /** The caller's raw user id; UNAUTHENTICATED when anonymous. */
  userId(): string;
  hasRole(role: string): boolean;
  hasScope(scope: string): boolean;
  /** The caller, holding `scope`; UNAUTHENTICATED when anonymous, FORBIDDEN without the scope. */
  require(scope: string): Viewer;
  /**
   * Like `require`, but an app acting for itself (a client-credentials service principal) with the
   * scope passes too: for operations that need no user (`users` for a directory sync).
   */
  requireScope(scope: string): void;
  /** The caller, with `role`; FORBIDDEN otherwise. */
  requireRole(role: string): Viewer;
  /**
   * The caller, when they are `ownerId` or an admin — `@policy(policies: [["self"], ["admin"]])`
   * in domain code. `what` names the data in the refusal ("You can only see your own todos.").
   */
  requireOwnerOrAdmin(ownerId: string, what: string): Viewer;
  /** The raw id of the organisation the token is switched to, or null (personal context, anonymous). */
  tenantId(): string | null;
  /** The active organisation and the caller's role there; FORBIDDEN when the token names none. */
  requireTenant(): TenantMembership;
}

export function authorizationFor(viewer: Viewer | null, service: ServicePrincipal | null = null): Authorization {
  const signedIn = (): Viewer => {
    if (!viewer) throw new UnauthenticatedError();
    return viewer;
  };
  const hasRole = (role: string) => viewer?.roles.includes(role) ?? false;
  return {
    viewer,
    signedIn,
    userId: () => signedIn().userId,
    hasRole,
    hasScope: (scope) => (viewer ?? service)?.scopes.has(scope) ?? false,
    require(scope) {
      const caller = signedIn();
      if (!caller.scopes.has(scope)) throw new ForbiddenError('Your token does not carry the scope this needs.', { requiredScopes: [[scope]] });
      return caller;
    },
    requireScope(scope) {
      const scopes = (viewer ?? service)?.scopes;
      if (!scopes) throw new UnauthenticatedError();
      if (!scopes.has(scope)) throw new ForbiddenError('Your token does not carry the scope this needs.', { requiredScopes: [[scope]] });
    },
    requireRole(role) {
      const caller = signedIn();
      if (!hasRole(role)) throw new ForbiddenError(`Only users with the ${role} role can do this.`);
      return caller;
    },
    tenantId: () => viewer?.tenant?.id ?? null,
    requireTenant() {
      const tenant = signedIn().tenant;
      if (!tenant) throw new ForbiddenError('Switch to an organization first (switchOrganization) to do this.', { tenantRequired: true });
      return tenant;
    },
    requireOwnerOrAdmin(ownerId, what) {
      const caller = signedIn();
      if (caller.userId !== ownerId && !hasRole(ADMIN_ROLE)) throw new ForbiddenError(`You can only see your own ${what}.`);
      return caller;
    },
  };
}

/**
 * A `User` as every subgraph but accounts sees it: the federation representation `{ id }`, which
 * carries the public (opaque) id. Codegen maps `User` to it (`UserMapper`).
 */
export interface UserReference {
  id: string;
}

export const userReference = (userId: string): UserReference => ({ id: encodeId('User', userId) });

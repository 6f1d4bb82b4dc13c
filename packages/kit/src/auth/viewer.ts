/** The verified caller of a request, built from the access token's claims. */
export interface Viewer {
  /** Raw user id (the token's `sub`); public IDs are `encodeId('User', userId)`. */
  readonly userId: string;
  /** Refresh-token family the access token was issued from; identifies the session. */
  readonly sessionId: string;
  readonly roles: readonly string[];
  readonly scopes: ReadonlySet<string>;
}

export const ROLE_SCOPES = {
  user: ['profile', 'todos:read', 'todos:write', 'notes:read', 'notes:write'],
  admin: ['profile', 'todos:read', 'todos:write', 'notes:read', 'notes:write', 'users:read', 'users:write'],
} as const satisfies Record<string, readonly string[]>;

export type Role = keyof typeof ROLE_SCOPES;

export const isRole = (value: string): value is Role => Object.hasOwn(ROLE_SCOPES, value);

export function scopesForRoles(roles: readonly string[]): string[] {
  const scopes = new Set<string>();
  for (const role of roles) if (isRole(role)) for (const scope of ROLE_SCOPES[role]) scopes.add(scope);
  return [...scopes].sort();
}

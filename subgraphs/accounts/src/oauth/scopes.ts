import { ROLE_SCOPES } from '@mosaic/kit';

/**
 * The scopes apps can be granted on the Mosaic graph (the one OAuth resource server): every scope
 * a role carries. A user can grant an app only scopes they hold themself.
 */
export const API_SCOPES: readonly string[] = [...new Set(Object.values(ROLE_SCOPES).flat())].sort();

/** OpenID Connect scopes: they shape the ID token / userinfo, not access to the graph. */
export const OIDC_SCOPES = ['openid', 'email', 'offline_access'] as const;

/** What the consent page tells the user each scope lets the app do. */
export const SCOPE_DESCRIPTIONS: Readonly<Record<string, string>> = {
  openid: 'Know who you are on Mosaic (your account id)',
  profile: 'See your name and your public profile',
  email: 'See your email address',
  offline_access: 'Keep access while you are not using the app',
  'todos:read': 'See your todos',
  'todos:write': 'Create, change and delete your todos',
  'notes:read': 'See your notes',
  'notes:write': 'Create, change and delete your notes',
  'users:read': 'See every user account (admin)',
  'users:write': "Change users' roles (admin)",
};

/** The graph as an OAuth resource (RFC 8707 resource indicator); its tokens' audience is JWT_AUDIENCE. */
export const GRAPH_RESOURCE = 'urn:mosaic:graph';

export const isGrantableScope = (scope: string) => API_SCOPES.includes(scope) || (OIDC_SCOPES as readonly string[]).includes(scope);

import type { ScopeCatalog } from '@mosaic/kit';

/** OpenID Connect scopes: they shape the ID token / userinfo, not access to the graph. */
export const OIDC_SCOPES = ['openid', 'email', 'offline_access'] as const;

const OIDC_SCOPE_DESCRIPTIONS: Readonly<Record<string, string>> = {
  openid: 'Know who you are on Mosaic (your account id)',
  email: 'See your email address',
  offline_access: 'Keep access while you are not using the app',
};

/**
 * The scopes apps can be granted on the Mosaic graph (the one OAuth resource server): every scope
 * a subgraph declares (the composed scope catalog). A user can grant an app only scopes they hold.
 */
export const apiScopesOf = (catalog: ScopeCatalog): string[] => Object.keys(catalog.scopes).sort();

/** What the consent page tells the user a scope lets the app do (the declaring subgraph's words). */
export const describeScope = (catalog: ScopeCatalog, scope: string): string => OIDC_SCOPE_DESCRIPTIONS[scope] ?? catalog.scopes[scope]?.description ?? scope;

/** The graph as an OAuth resource (RFC 8707 resource indicator); its tokens' audience is JWT_AUDIENCE. */
export const GRAPH_RESOURCE = 'urn:mosaic:graph';

export const isOidcScope = (scope: string) => (OIDC_SCOPES as readonly string[]).includes(scope);

/** Where the OAuth 2.0 / OpenID Connect server is mounted (its issuer URL ends with it). */
export const OAUTH_MOUNT = '/oidc';

/** The login and consent pages the server sends browsers to. */
export const INTERACTION_PATH = '/interaction';

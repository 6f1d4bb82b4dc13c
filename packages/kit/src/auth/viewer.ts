/** The verified caller of a request, built from the access token's claims. */
export interface Viewer {
  /** Raw user id (the token's `sub`); public IDs are `encodeId('User', userId)`. */
  readonly userId: string;
  /** Refresh-token family the access token was issued from; identifies the session. */
  readonly sessionId: string;
  readonly roles: readonly string[];
  readonly scopes: ReadonlySet<string>;
  /**
   * The OAuth client (third-party app) the token was issued to; undefined for Mosaic's own
   * (first-party) tokens. A client's token carries only the scopes the user granted it, no roles.
   */
  readonly clientId?: string | undefined;
  /**
   * How the user proved who they are when they last authenticated (RFC 8176 values: `pwd`, `otp`,
   * `mfa`, `fed`); empty when the token does not say.
   */
  readonly amr: readonly string[];
  /** When that authentication happened (seconds since the epoch, the `auth_time` claim). */
  readonly authTime?: number | undefined;
  /**
   * The organisation (tenant) the user switched to, and their role in it, from the token's `org_id`
   * and `org_role` claims — signed by accounts after it checked the membership; undefined when the
   * token names none (personal context).
   */
  readonly tenant?: TenantMembership | undefined;
}

/** A verified tenant of a token: raw organisation id and the user's role there (owner, admin, member, billing). */
export interface TenantMembership {
  readonly id: string;
  readonly role: string;
}

/**
 * A machine client acting for itself (an OAuth client-credentials token): it has scopes but no
 * user, so `ctx.viewer` is null for it and only `@requiresScopes` fields are open to it.
 */
export interface ServicePrincipal {
  readonly clientId: string;
  readonly scopes: ReadonlySet<string>;
}

/** Whoever a verified access token speaks for. */
export type Principal = { kind: 'user'; viewer: Viewer } | { kind: 'service'; service: ServicePrincipal };

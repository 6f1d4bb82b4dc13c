/** The verified caller of a request, built from the access token's claims. */
export interface Viewer {
  /** Raw user id (the token's `sub`); public IDs are `encodeId('User', userId)`. */
  readonly userId: string;
  /** Refresh-token family the access token was issued from; identifies the session. */
  readonly sessionId: string;
  readonly roles: readonly string[];
  readonly scopes: ReadonlySet<string>;
}

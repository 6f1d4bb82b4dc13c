import { ForbiddenError, StepUpRequiredError, UnauthenticatedError } from '../errors/errors';
import type { AccessContext, Policy } from './access-directives';
import type { Viewer } from './viewer';

/** `amr` values (RFC 8176) that count as a second factor. */
const SECOND_FACTOR_METHODS = new Set(['otp', 'mfa', 'hwk', 'swk']);

/** Whether the viewer proved a second factor no longer than `maxAgeSeconds` ago. */
export function hasRecentSecondFactor(viewer: Viewer, maxAgeSeconds: number, now: Date = new Date()): boolean {
  if (!viewer.amr.some((method) => SECOND_FACTOR_METHODS.has(method)) || viewer.authTime === undefined) return false;
  const age = now.getTime() / 1000 - viewer.authTime;
  // A little clock skew between accounts and this service is not "the future".
  return age >= -60 && age <= maxAgeSeconds;
}

/**
 * For sensitive operations (transfers, payout changes): the viewer must have proved a second
 * factor within `maxAgeSeconds`. Fails with STEP_UP_REQUIRED (and `maxAgeSeconds` in extensions),
 * which a client answers by calling `stepUp` with a code and retrying with the fresh token.
 * Third-party (OAuth) tokens can never step up here: they get FORBIDDEN.
 */
export function requireRecentSecondFactor(viewer: Viewer | null, maxAgeSeconds: number, now: Date = new Date()): Viewer {
  if (!viewer) throw new UnauthenticatedError();
  if (viewer.clientId) throw new ForbiddenError('This needs the user themself, signed in to Mosaic with a second factor; an app cannot do it for them.');
  if (!hasRecentSecondFactor(viewer, maxAgeSeconds, now)) throw new StepUpRequiredError(maxAgeSeconds);
  return viewer;
}

/**
 * The same rule as an `@policy`: register it under a name, e.g.
 * `policies: { 'recent-2fa': stepUpPolicy(300) }`, and declare
 * `@policy(policies: [["recent-2fa"]])` on the field. It throws STEP_UP_REQUIRED itself rather
 * than answering false, so the client learns what to do instead of a bare FORBIDDEN.
 */
export function stepUpPolicy<C extends AccessContext>(maxAgeSeconds: number, now: () => Date = () => new Date()): Policy<C> {
  return (ctx) => {
    requireRecentSecondFactor(ctx.viewer, maxAgeSeconds, now());
    return true;
  };
}

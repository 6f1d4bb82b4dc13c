import { ForbiddenError, type Viewer } from '@mosaic/kit';
import type { Context } from '../context';

/**
 * Security settings (password, two-factor, sessions, authorised apps) are changed by the user
 * themself with Mosaic's own token — never by a third-party app holding an OAuth token for them.
 */
export function requireAccountHolder(ctx: Pick<Context, 'auth'>): Viewer {
  const viewer = ctx.auth.signedIn();
  if (viewer.clientId) throw new ForbiddenError('Apps cannot change your account security; sign in to Mosaic yourself to do this.');
  return viewer;
}

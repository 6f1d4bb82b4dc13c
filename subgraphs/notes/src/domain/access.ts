import { ForbiddenError, UnauthenticatedError } from '@mosaic/kit';
import type { Context } from '../context';

/** The signed-in user's raw id; every note operation starts here (the SDL also demands a token). */
export function viewerId(ctx: Pick<Context, 'viewer'>): string {
  if (!ctx.viewer) throw new UnauthenticatedError();
  return ctx.viewer.userId;
}

/**
 * A user's notes are theirs alone; admins may list them (support, moderation). Mirrors the SDL's
 * `@policy(policies: [["self"], ["admin"]])` so the rule holds however the function is reached.
 */
export function assertMayListNotesOf(ctx: Pick<Context, 'viewer'>, ownerId: string): void {
  const viewer = ctx.viewer;
  if (!viewer) throw new UnauthenticatedError();
  if (viewer.userId !== ownerId && !viewer.roles.includes('admin')) {
    throw new ForbiddenError("You can only see your own notes.");
  }
}

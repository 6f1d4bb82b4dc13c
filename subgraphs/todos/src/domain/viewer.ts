import { ForbiddenError, UnauthenticatedError, encodeId, type Viewer } from '@mosaic/kit';

/** A `User` as todos sees it: the federation representation, which carries the public (opaque) id. */
export interface UserReference {
  id: string;
}

export const userReference = (ownerId: string): UserReference => ({ id: encodeId('User', ownerId) });

/** The SDL declares @authenticated too; domain functions check again so they are safe on their own. */
export function requireViewer(ctx: { viewer: Viewer | null }): Viewer {
  if (!ctx.viewer) throw new UnauthenticatedError();
  return ctx.viewer;
}

export const isAdmin = (viewer: Viewer) => viewer.roles.includes('admin');

/** A user reads their own todos; admins may read anyone's. Nobody changes another user's todos. */
export function assertCanReadTodosOf(ctx: { viewer: Viewer | null }, ownerId: string): Viewer {
  const viewer = requireViewer(ctx);
  if (viewer.userId !== ownerId && !isAdmin(viewer)) throw new ForbiddenError('You can only see your own todos.');
  return viewer;
}

import { UnauthenticatedError, encodeId, type Viewer } from '@mosaic/kit';

/** A `User` as stocks sees it: the federation representation, which carries the public (opaque) id. */
export interface UserReference {
  id: string;
}

export const userReference = (ownerId: string): UserReference => ({ id: encodeId('User', ownerId) });

/** The SDL declares @authenticated too; domain functions check again so they are safe on their own. */
export function requireViewer(ctx: { viewer: Viewer | null }): Viewer {
  if (!ctx.viewer) throw new UnauthenticatedError();
  return ctx.viewer;
}

import { encodeId, userReference } from '@mosaic/kit';
import type { PresenceChangedResolvers } from '../resolvers.generated';

/** Pub/sub payloads carry raw ids; the public ids are made here. */
export const PresenceChanged: PresenceChangedResolvers = {
  roomId: (event) => encodeId('Room', event.roomId),
  user: (event) => userReference(event.userId),
  changedAt: (event) => new Date(event.changedAt),
};

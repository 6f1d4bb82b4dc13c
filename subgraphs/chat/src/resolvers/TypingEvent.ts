import { encodeId, userReference } from '@mosaic/kit';
import type { TypingEventResolvers } from '../resolvers.generated';

/** Pub/sub payloads carry raw ids (they stay internal); the public ids are made here. */
export const TypingEvent: TypingEventResolvers = {
  roomId: (event) => encodeId('Room', event.roomId),
  /** A reference the gateway resolves through accounts: the public User id. */
  user: (event) => userReference(event.userId),
};

import type { MessageEventResolvers } from '../resolvers.generated';

/** Events are built with their union member's name (domain/live.ts `toMessageEvent`). */
export const MessageEvent: MessageEventResolvers = {
  __resolveType: (event) => event.__typename,
};

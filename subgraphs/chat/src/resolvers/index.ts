import { DateTimeScalar } from '@mosaic/kit';
import type { Resolvers } from '../resolvers.generated';
import { LeaveRoomResult } from './LeaveRoomResult';
import { Message } from './Message';
import { MessageDeleted } from './MessageDeleted';
import { MessageEvent } from './MessageEvent';
import { addMessageReaction } from './Mutation/addMessageReaction';
import { createRoom } from './Mutation/createRoom';
import { deleteMessage } from './Mutation/deleteMessage';
import { editMessage } from './Mutation/editMessage';
import { inviteToRoom } from './Mutation/inviteToRoom';
import { joinRoom } from './Mutation/joinRoom';
import { leaveRoom } from './Mutation/leaveRoom';
import { followThread } from './Mutation/followThread';
import { markRoomRead } from './Mutation/markRoomRead';
import { markThreadRead } from './Mutation/markThreadRead';
import { unfollowThread } from './Mutation/unfollowThread';
import { openDirectConversation } from './Mutation/openDirectConversation';
import { removeMessageReaction } from './Mutation/removeMessageReaction';
import { removeRoomMember } from './Mutation/removeRoomMember';
import { sendMessage } from './Mutation/sendMessage';
import { setRoomMemberRole } from './Mutation/setRoomMemberRole';
import { setPresence } from './Mutation/setPresence';
import { setTyping } from './Mutation/setTyping';
import { updateRoom } from './Mutation/updateRoom';
import { chatInvitations } from './Query/chatInvitations';
import { chatMentions } from './Query/chatMentions';
import { chatSearch } from './Query/chatSearch';
import { chatRooms } from './Query/chatRooms';
import { room } from './Query/room';
import { Room } from './Room';
import { RoomInvitation } from './RoomInvitation';
import { RoomMember } from './RoomMember';
import { messageEvents } from './Subscription/messageEvents';
import { typing } from './Subscription/typing';
import { chatMentions as liveMentions } from './Subscription/chatMentions';
import { presenceChanged } from './Subscription/presenceChanged';
import { readReceipts } from './Subscription/readReceipts';
import { PresenceChanged } from './PresenceChanged';
import { ReadReceipt } from './ReadReceipt';
import { Thread } from './Thread';
import { TypingEvent } from './TypingEvent';
import { User } from './User';

export const resolvers: Resolvers = {
  DateTime: DateTimeScalar,
  Query: { room, chatRooms, chatInvitations, chatMentions, chatSearch },
  Mutation: {
    openDirectConversation,
    createRoom,
    updateRoom,
    joinRoom,
    leaveRoom,
    inviteToRoom,
    removeRoomMember,
    setRoomMemberRole,
    sendMessage,
    editMessage,
    deleteMessage,
    addMessageReaction,
    removeMessageReaction,
    markRoomRead,
    followThread,
    unfollowThread,
    markThreadRead,
    setTyping,
    setPresence,
  },
  Subscription: { messageEvents, typing, presenceChanged, readReceipts, chatMentions: liveMentions },
  User,
  Room,
  RoomMember,
  RoomInvitation,
  Message,
  Thread,
  MessageEvent,
  MessageDeleted,
  TypingEvent,
  LeaveRoomResult,
  PresenceChanged,
  ReadReceipt,
};

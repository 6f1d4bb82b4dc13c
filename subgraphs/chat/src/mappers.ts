import type { AttachmentReference } from '@mosaic/files/attachments';
import type { Connection, Edge, UserReference } from '@mosaic/kit';
import type { ReactionSummary } from './data/reactions-repo';
import type { InvitationRow, LinkPreviewRow, MemberRow, MessageRow, RoomRow, ThreadRow } from './data/tables';
import type { PresencePayload, ReadReceiptPayload, TypingPayload } from './domain/events';
import type { PresenceStatus } from './domain/presence-tracker';
import type { MessageEventModel } from './domain/live';
import type { LeaveOutcome } from './domain/membership';


export type UserMapper = UserReference;
export type RoomMapper = RoomRow;
export type RoomConnectionMapper = Connection<RoomRow>;
export type RoomEdgeMapper = Edge<RoomRow>;
export type RoomMemberMapper = MemberRow;
export type RoomMemberConnectionMapper = Connection<MemberRow>;
export type RoomMemberEdgeMapper = Edge<MemberRow>;
export type RoomInvitationMapper = InvitationRow;
export type MessageMapper = MessageRow;
export type MessageConnectionMapper = Connection<MessageRow>;
export type MessageEdgeMapper = Edge<MessageRow>;
export type MessageReactionMapper = ReactionSummary;
export type ThreadMapper = ThreadRow;
export type ThreadConnectionMapper = Connection<ThreadRow>;
export type ThreadEdgeMapper = Edge<ThreadRow>;
export type MessageAddedMapper = Extract<MessageEventModel, { __typename: 'MessageAdded' | 'MessageEdited' | 'MessageReactionsChanged' | 'MessagePreviewAdded' }>;
export type MessagePreviewAddedMapper = MessageAddedMapper;
export type LinkPreviewMapper = LinkPreviewRow;
export type MessageEditedMapper = MessageAddedMapper;
export type MessageReactionsChangedMapper = MessageAddedMapper;
export type MessageDeletedMapper = Extract<MessageEventModel, { __typename: 'MessageDeleted' }>;
/** Raw ids; `expiresAt` a Date, or an ISO string after pub/sub. */
export type TypingEventMapper = TypingPayload;
export type LeaveRoomResultMapper = LeaveOutcome;
/** Raw ids; `changedAt` an ISO string. */
export type PresenceChangedMapper = PresencePayload;
/** Raw ids; `readAt` an ISO string. */
export type ReadReceiptMapper = ReadReceiptPayload;
export type PresenceHeartbeatMapper = { status: PresenceStatus; expiresAt: Date | null };
/** An attached file: a reference files resolves by its ticket key. */
export type FileMapper = AttachmentReference;

import { decodeId } from '@mosaic/kit';
import { sendMessage as send } from '../../domain/messages';
import type { MutationResolvers } from '../../resolvers.generated';

export const sendMessage: NonNullable<MutationResolvers['sendMessage']> = (_parent, { input }, ctx) =>
  send(ctx, {
    roomId: decodeId('Room', input.roomId, 'input.roomId'),
    text: input.text,
    replyToId: input.replyToId ? decodeId('Message', input.replyToId, 'input.replyToId') : null,
    threadRootId: input.threadRootId ? decodeId('Message', input.threadRootId, 'input.threadRootId') : null,
    attachmentIds: (input.attachmentIds ?? []).map((id, index) => decodeId('File', id, `input.attachmentIds[${index}]`)),
  });

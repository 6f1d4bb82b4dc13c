import { z } from 'zod';
import { attachmentTicketEnv, attachmentTicketSecret } from '@mosaic/files/attachments';

const list = z
  .string()
  .default('')
  .transform((value) =>
    value
      .split(',')
      .map((item) => item.trim())
      .filter(Boolean),
  );

/**
 * Chat's variables. Link previews fetch pages that people linked to, so by default they never
 * reach internal addresses (`@mosaic/safe-fetch`); CHAT_PREVIEW_ALLOW_INTERNAL names address
 * blocks that may be reached anyway (CIDR, comma-separated; empty by default — tests name their
 * local server's address). Read receipts (`Message.readBy`, `readReceipts`) are kept for direct
 * conversations and rooms of up to CHAT_READ_RECEIPTS_MAX_MEMBERS members (20 by default): in a
 * larger room "read by 312 people" says little and costs a row per reader.
 */
export const chatEnv = z
  .object({
    CHAT_LINK_PREVIEWS: z.enum(['on', 'off']).default('on'),
    CHAT_PREVIEW_ALLOW_INTERNAL: list,
    CHAT_READ_RECEIPTS_MAX_MEMBERS: z.coerce.number().int().min(2).max(1_000).default(20),
    NODE_ENV: z.string().default('development'),
    ...attachmentTicketEnv,
  })
  .refine((e) => e.NODE_ENV !== 'production' || e.ATTACHMENT_TICKET_SECRET, { message: 'ATTACHMENT_TICKET_SECRET must be set in production', path: ['ATTACHMENT_TICKET_SECRET'] })
  .transform((e) => ({
    previews: { enabled: e.CHAT_LINK_PREVIEWS === 'on', allowInternal: e.CHAT_PREVIEW_ALLOW_INTERNAL },
    readReceiptsMaxMembers: e.CHAT_READ_RECEIPTS_MAX_MEMBERS,
    attachmentTicketSecret: attachmentTicketSecret(e.NODE_ENV, e.ATTACHMENT_TICKET_SECRET),
  }));

export type ChatSettings = z.output<typeof chatEnv>;

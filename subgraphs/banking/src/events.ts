import { z } from 'zod';
import { defineEvents, event, type Outbox } from '@mosaic/kit';

/**
 * The events banking publishes (exchange `mosaic.banking`). Payloads carry raw ids and amounts
 * as decimal strings (64-bit safe in JSON) — never account numbers or names.
 */
const uuid = z.string().uuid();
const minorUnits = z.string().regex(/^-?\d+$/);
const transfer = z.object({
  transferId: uuid,
  kind: z.enum(['INTERNAL', 'FX', 'DEPOSIT']),
  fromAccountId: uuid,
  toAccountId: uuid,
  /** Owners of both sides (null for the bank's own accounts): the receiver's live stream is addressed by it. */
  fromOwnerId: uuid.nullable(),
  toOwnerId: uuid.nullable(),
  amount: minorUnits,
  currency: z.string(),
  toAmount: minorUnits,
  toCurrency: z.string(),
  at: z.iso.datetime(),
});

export const bankingEvents = defineEvents('banking', {
  'transfer.posted': event({ version: 1, schema: transfer, aggregateId: (p) => p.transferId }),
  'transfer.voided': event({ version: 1, schema: transfer.extend({ reason: z.string() }), aggregateId: (p) => p.transferId }),
  'account.frozen': event({ version: 1, schema: z.object({ accountId: uuid, ownerId: uuid.nullable(), reason: z.string(), at: z.iso.datetime() }), aggregateId: (p) => p.accountId }),
});

export type BankingOutbox = Outbox<typeof bankingEvents>;

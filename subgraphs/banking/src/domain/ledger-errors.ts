import { AppError, ConflictError } from '@mosaic/kit';

/**
 * Ledger refusals a client branches on carry `extensions.reason` beside the standard code:
 * BAD_USER_INPUT for what the request itself gets wrong, CONFLICT for what the accounts' state
 * forbids. Nothing is written when one is thrown.
 */
export type LedgerReason =
  | 'SAME_ACCOUNT'
  | 'CURRENCY_MISMATCH'
  | 'INSUFFICIENT_FUNDS'
  | 'ACCOUNT_FROZEN'
  | 'ACCOUNT_CLOSED'
  | 'IDEMPOTENCY_KEY_REUSED'
  | 'NOT_PENDING'
  | 'HOLD_EXPIRED'
  | 'BALANCE_NOT_ZERO';

export class LedgerInputError extends AppError {
  readonly code = 'BAD_USER_INPUT';
  constructor(message: string, field: string, reason: LedgerReason) {
    super(message, { field, reason }, 'BAD_USER_INPUT');
  }
}

export class LedgerConflictError extends ConflictError {
  constructor(message: string, reason: LedgerReason, extensions: Record<string, unknown> = {}) {
    super(message, { reason, ...extensions });
  }
}

import { uuidv7, type Db } from '@mosaic/kit';
import { appendAudit } from '../data/audit-repo';
import type { AuditRow, BankAccountRow, TransferRow } from '../data/tables';

/**
 * What the audit trail keeps of an entity: state, never account numbers or names (so erasing a
 * person's data leaves the trail intact and the trail leaks nothing). Amounts as strings (JSON).
 */
export const accountState = (row: BankAccountRow) => ({
  status: row.status,
  balance: row.balance.toString(),
  held: row.held.toString(),
  overdraftLimit: row.overdraftLimit.toString(),
  holderErased: row.holderSealed === null,
});

export const transferState = (row: TransferRow) => ({
  status: row.status,
  kind: row.kind,
  fromAccountId: row.fromAccountId,
  toAccountId: row.toAccountId,
  amount: row.amount.toString(),
  currency: row.currency,
  toAmount: row.toAmount.toString(),
  toCurrency: row.toCurrency,
  fxRate: row.fxRate,
  voidReason: row.voidReason,
});

export interface AuditEntry {
  action: string;
  entity: 'bank_account' | 'transfer' | 'payee';
  entityId: string;
  before: unknown;
  after: unknown;
}

/** Appends the entries in the caller's transaction; `actorId` null is the system. */
export function audit(tx: Db, actorId: string | null, at: Date, entries: readonly AuditEntry[]): Promise<void> {
  const rows: AuditRow[] = entries.map((entry) => ({ id: uuidv7(at.getTime()), actorId, at, ...entry, before: entry.before ?? null, after: entry.after ?? null }));
  return appendAudit(tx, rows);
}

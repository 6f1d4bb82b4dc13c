import { createHash } from 'node:crypto';
import type { Db } from '@mosaic/kit';
import { insertAccountIfAbsent } from '../data/accounts-repo';
import type { Currency } from './money';
import { generateAccountNumber } from './account-numbers';
import { accountNumberContext, type BankingSecrets } from './secrets';

export type HouseKind = 'FUNDING' | 'FX';

/** A stable id per (kind, currency), so every replica finds the same house account without a lookup. */
export function houseAccountId(kind: HouseKind, currency: Currency): string {
  const hex = createHash('sha256').update(`mosaic-banking-house:${kind}:${currency}`).digest('hex');
  // Shaped as a version-8 (custom) UUID.
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-8${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/** House accounts known to exist, per database (a process may serve several, e.g. in tests). */
const known = new WeakMap<Db, Set<string>>();

/**
 * The bank's own account of this kind and currency, created on first use. It belongs to no one,
 * may go negative (it is the other side of money paid in, or of a currency position), and
 * appears on customers' statements only as "the bank".
 */
export async function ensureHouseAccount(db: Db, secrets: BankingSecrets, kind: HouseKind, currency: Currency, now: Date): Promise<string> {
  const id = houseAccountId(kind, currency);
  const existing = known.get(db) ?? new Set<string>();
  known.set(db, existing);
  if (existing.has(id)) return id;
  const number = generateAccountNumber();
  await insertAccountIfAbsent(db, {
    id,
    ownerId: null,
    kind,
    currency,
    status: 'OPEN',
    name: `${kind === 'FX' ? 'Currency exchange' : 'Funding'} ${currency}`,
    overdraftLimit: 0n,
    balance: 0n,
    held: 0n,
    postingCount: 0,
    numberHash: secrets.lookup.hash(number),
    numberSealed: secrets.envelope.seal(number, accountNumberContext(id)),
    holderSealed: null,
    keyId: secrets.envelope.activeKeyId,
    createdAt: now,
    closedAt: null,
  });
  existing.add(id);
  return id;
}

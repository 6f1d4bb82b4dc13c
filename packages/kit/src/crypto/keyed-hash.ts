import { createHmac } from 'node:crypto';
import type { FieldKey } from './field-encryption';

/**
 * Keyed hashes (HMAC-SHA256) for finding a record by a secret value — an account number, an
 * IBAN — without storing the value: the same input gives the same hash under the same key, and
 * without the key the hash says nothing (no dictionary of all account numbers can be built).
 *
 * Keys are configured like field keys (`[{ "id", "key" }]`, first active). Stored form
 * `h1.<keyId>.<hex>`; a lookup asks for the hash under every configured key (`candidates`), so a
 * rotation can re-hash records lazily or with a command while old hashes keep matching.
 */
export interface KeyedHash {
  readonly activeKeyId: string;
  /** The value's hash under the active key. */
  hash(value: string): string;
  /** The value's hash under each configured key: what a lookup matches against. */
  candidates(value: string): string[];
  keyIdOf(hashed: string): string;
}

export function createKeyedHash(keys: readonly FieldKey[]): KeyedHash {
  if (keys.length === 0) throw new Error('Keyed hashing needs at least one key.');
  for (const { id, key } of keys) {
    if (key.length < 32) throw new Error(`Keyed-hash key "${id}" must be at least 32 bytes.`);
    if (!/^[\w-]{1,64}$/.test(id)) throw new Error(`Keyed-hash key id "${id}" must be 1-64 letters, digits, "_" or "-".`);
  }
  const under = ({ id, key }: FieldKey, value: string) => `h1.${id}.${createHmac('sha256', key).update(value).digest('hex')}`;
  return {
    activeKeyId: keys[0]!.id,
    hash: (value) => under(keys[0]!, value),
    candidates: (value) => keys.map((key) => under(key, value)),
    keyIdOf: (hashed) => hashed.split('.')[1] ?? '',
  };
}

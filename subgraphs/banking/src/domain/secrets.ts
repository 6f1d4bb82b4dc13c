import { createEnvelopeCipher, createKeyedHash, loadFieldKeys, type EnvelopeCipher, type KeyedHash } from '@mosaic/kit';
import type { BankingSettings } from '../env';

/**
 * Banking's sensitive fields: envelope-encrypted (a data key per value, wrapped by a key-encryption
 * key from BANKING_KEY_ENCRYPTION_KEYS) and, for lookups, keyed-hashed (BANKING_LOOKUP_KEYS).
 * Contexts bind each ciphertext to its record and field.
 */
export interface BankingSecrets {
  envelope: EnvelopeCipher;
  lookup: KeyedHash;
}

export function loadBankingSecrets(settings: Pick<BankingSettings, 'keyEncryptionKeys' | 'lookupKeys'>): BankingSecrets {
  return { envelope: createEnvelopeCipher(loadFieldKeys(settings.keyEncryptionKeys)), lookup: createKeyedHash(loadFieldKeys(settings.lookupKeys)) };
}

export const accountNumberContext = (accountId: string) => `bank_accounts:${accountId}:number`;
export const holderContext = (accountId: string) => `bank_accounts:${accountId}:holder`;
export const payeeNumberContext = (payeeId: string) => `payees:${payeeId}:number`;
export const payeeNameContext = (payeeId: string) => `payees:${payeeId}:name`;

export const openText = (secrets: BankingSecrets, sealed: string, context: string) => secrets.envelope.open(sealed, context).toString('utf8');

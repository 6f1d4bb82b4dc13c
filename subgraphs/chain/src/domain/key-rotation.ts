import { rewrapRecords, type Db, type EnvelopeCipher } from '@mosaic/kit';
import { findWalletsToRewrap, updateSealedSeed } from '../data/wallets-repo';
import { sealContext } from './wallets';

/**
 * Re-wraps every wallet's data key with the active key-encryption key (the ciphertexts stay as
 * they are). Run after putting a new KEK first in CHAIN_KEY_ENCRYPTION_KEYS with the old ones after
 * it; once it reports 0 left, the old KEKs can be removed. Safe to run while services run and to
 * re-run: each row is updated only if it still carries the KEK it was read with (kit's loop).
 */
export function rewrapWalletKeys(db: Db, envelope: EnvelopeCipher): Promise<{ rewrapped: number }> {
  return rewrapRecords(envelope, {
    findBatch: (activeKeyId, limit) => findWalletsToRewrap(db, activeKeyId, limit),
    fields: (row) => [{ name: 'seed', sealed: row.sealedSeed, context: sealContext(row.id) }],
    save: (row, values, keyId) => updateSealedSeed(db, row.id, values.seed!, keyId, row.keyId!),
  });
}

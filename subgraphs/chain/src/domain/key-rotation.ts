import type { Db, EnvelopeCipher } from '@mosaic/kit';
import { findWalletsToRewrap, updateSealedSeed } from '../data/wallets-repo';
import { sealContext } from './wallets';

const BATCH = 200;

/**
 * Re-wraps every wallet's data key with the active key-encryption key (the ciphertexts stay as
 * they are). Run after putting a new KEK first in CHAIN_KEY_ENCRYPTION_KEYS with the old ones after
 * it; once it reports 0 left, the old KEKs can be removed. Safe to run while services run and to
 * re-run: each row is updated only if it still carries the KEK it was read with.
 */
export async function rewrapWalletKeys(db: Db, envelope: EnvelopeCipher): Promise<{ rewrapped: number }> {
  let rewrapped = 0;
  for (;;) {
    const rows = await findWalletsToRewrap(db, envelope.activeKeyId, BATCH);
    if (rows.length === 0) return { rewrapped };
    for (const row of rows) {
      const sealed = envelope.rewrap(row.sealedSeed!, sealContext(row.id));
      if (sealed && (await updateSealedSeed(db, row.id, sealed, envelope.activeKeyId, row.keyId!))) rewrapped += 1;
    }
  }
}

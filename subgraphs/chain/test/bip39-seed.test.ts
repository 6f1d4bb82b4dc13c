import { describe, expect, it } from 'vitest';
import { mnemonicToSeedSync } from '@scure/bip39';
import { bip39Seed } from '../src/domain/bip39-seed';

describe('BIP-39 seed', () => {
  it('matches @scure/bip39 (the reference implementation) for phrases and passphrases', () => {
    for (const [phrase, passphrase] of [['abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon about', ''], ['legal winner thank year wave sausage worth useful legal winner thank yellow', 'TREZOR']] as const) {
      expect(Buffer.from(bip39Seed(phrase, passphrase)).toString('hex')).toBe(Buffer.from(mnemonicToSeedSync(phrase, passphrase)).toString('hex'));
    }
  });
});

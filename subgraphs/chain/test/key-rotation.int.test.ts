import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { createEnvelopeCipher, generateFieldKey, parseFieldKeys } from '@mosaic/kit';
import { wallets } from '../src/data/tables';
import { rewrapWalletKeys } from '../src/domain/key-rotation';
import { CREATE_WALLET, startChain, type ChainApp } from './harness';

const OLD = generateFieldKey('kek-2026-01');
const NEW = generateFieldKey('kek-2026-02');
const config = (...keys: { id: string; key: string }[]) => JSON.stringify(keys);
const envelope = (...keys: { id: string; key: string }[]) => createEnvelopeCipher(parseFieldKeys(config(...keys), 'CHAIN_KEY_ENCRYPTION_KEYS'));
const SIGN = `mutation($walletId: ID!) { signMessage(walletId: $walletId, message: "still mine") { address } }`;

let app: ChainApp;
beforeAll(async () => {
  app = await startChain({ CHAIN_KEY_ENCRYPTION_KEYS: config(OLD) });
});
afterAll(() => app.close());

describe('key-encryption key rotation', () => {
  it('re-wraps every data key under the new KEK; the old KEK can then be removed', async () => {
    const user = await app.auth.newUser();
    const created = [];
    for (const label of ['a', 'b', 'c']) created.push((await app.call(CREATE_WALLET, { input: { label } }, user.token)).data!.createWallet.wallet);
    const db = app.database.db();
    const before = await db.select().from(wallets).where(eq(wallets.ownerId, user.userId));
    expect(new Set(before.map((w) => w.keyId))).toEqual(new Set(['kek-2026-01']));

    expect(await rewrapWalletKeys(db, envelope(NEW, OLD))).toEqual({ rewrapped: 3 });
    expect(await rewrapWalletKeys(db, envelope(NEW, OLD))).toEqual({ rewrapped: 0 });
    const after = await db.select().from(wallets).where(eq(wallets.ownerId, user.userId));
    expect(new Set(after.map((w) => w.keyId))).toEqual(new Set(['kek-2026-02']));
    // The ciphertext of each seed is unchanged; only its wrapped data key is new.
    for (const row of after) expect(row.sealedSeed!.split('.')[3]).toBe(before.find((b) => b.id === row.id)!.sealedSeed!.split('.')[3]);

    const rotated = await startChain({ CHAIN_KEY_ENCRYPTION_KEYS: config(NEW) }, app.shared, app.auth);
    try {
      const signed = await rotated.call(SIGN, { walletId: created[0].id }, user.token);
      expect(signed.data!.signMessage.address).toBe(created[0].address);
    } finally {
      await rotated.close();
    }
  });
});

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { count, eq } from 'drizzle-orm';
import { encodeId, uuidv7 } from '@mosaic/kit';
import { errorCodes } from '@mosaic/testing';
import { privateKeyToAccount } from 'viem/accounts';
import { wallets } from '../src/data/tables';
import { CREATE_WALLET, startChain, type ChainApp } from './harness';

let app: ChainApp;
beforeAll(async () => {
  app = await startChain({ CHAIN_MAX_WALLETS_PER_USER: '3' });
});
afterAll(() => app.close());

const ABANDON = 'abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon abandon about';
const walletCount = async () => (await app.database.db().select({ n: count() }).from(wallets))[0]!.n;

describe('wallets', () => {
  it('creates an HD wallet: the phrase once, the key sealed at rest, funded by the development faucet', async () => {
    const user = await app.auth.newUser();
    const created = await app.call(CREATE_WALLET, { input: { label: '  Main  ' } }, user.token);
    expect(created.errors).toBeUndefined();
    const { mnemonic, wallet, funding } = created.data!.createWallet;
    expect(mnemonic.split(' ')).toHaveLength(12);
    expect(wallet).toMatchObject({ kind: 'HD', derivationPath: "m/44'/60'/0'/0/0", balance: '10000000000000000000' });
    expect(funding).toMatchObject({ status: 'PENDING', value: '10000000000000000000' });
    const [stored] = await app.database.db().select().from(wallets).where(eq(wallets.address, wallet.address.toLowerCase()));
    expect(stored!.sealedSeed).not.toContain(mnemonic.split(' ')[0]);
    expect(stored!.keyId).toBe(app.chain.envelope.activeKeyId);
    const again = await app.call(`query($id: ID!) { wallet(id: $id) { label address } }`, { id: wallet.id }, user.token);
    expect(again.data!.wallet).toEqual({ label: 'Main', address: wallet.address });
    expect(JSON.stringify(again)).not.toContain(mnemonic);
  });

  it('restores from a phrase at a BIP-44 index (the standard test vector) and returns no phrase', async () => {
    const user = await app.auth.newUser();
    const restored = await app.call(CREATE_WALLET, { input: { label: 'restored', mnemonic: ABANDON, addressIndex: 0 } }, user.token);
    expect(restored.errors).toBeUndefined();
    expect(restored.data!.createWallet.mnemonic).toBeNull();
    expect(restored.data!.createWallet.wallet.address).toBe('0x9858EfFD232B4033E47d90003D41EC34EcaEda94');
  });

  it('refuses bad phrases, bad addresses and checksums, with the field, storing nothing', async () => {
    const user = await app.auth.newUser();
    const before = await walletCount();
    const phrase = await app.call(CREATE_WALLET, { input: { label: 'x', mnemonic: 'abandon '.repeat(12).trim() } }, user.token);
    expect(phrase.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.mnemonic' });
    const IMPORT = `mutation($input: ImportWatchOnlyWalletInput!) { importWatchOnlyWallet(input: $input) { address kind } }`;
    const short = await app.call(IMPORT, { input: { label: 'x', address: '0x1234' } }, user.token);
    expect(short.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.address', reason: 'INVALID_ADDRESS' });
    // One letter's case flipped: the EIP-55 checksum catches the typo.
    const checksum = await app.call(IMPORT, { input: { label: 'x', address: '0x9858EfFD232B4033E47d90003D41EC34EcaEda9A' } }, user.token);
    expect(checksum.errors![0]!.message).toMatch(/checksum/);
    expect(await walletCount()).toBe(before);
    const watch = await app.call(IMPORT, { input: { label: 'watched', address: '0x9858effd232b4033e47d90003d41ec34ecaeda94' } }, user.token);
    expect(watch.data!.importWatchOnlyWallet).toEqual({ address: '0x9858EfFD232B4033E47d90003D41EC34EcaEda94', kind: 'WATCH_ONLY' });
  });

  it('keeps wallets private, enforces CHAIN_MAX_WALLETS_PER_USER and needs the scopes', async () => {
    const owner = await app.auth.newUser();
    const stranger = await app.auth.newUser();
    const { data } = await app.call(CREATE_WALLET, { input: { label: 'a' } }, owner.token);
    const id = data!.createWallet.wallet.id;
    expect((await app.call(`query($id: ID!) { wallet(id: $id) { id } }`, { id }, stranger.token)).data).toEqual({ wallet: null });
    await app.call(CREATE_WALLET, { input: { label: 'b' } }, owner.token);
    await app.call(CREATE_WALLET, { input: { label: 'c' } }, owner.token);
    expect(errorCodes(await app.call(CREATE_WALLET, { input: { label: 'd' } }, owner.token))).toEqual(['CONFLICT']);
    expect(errorCodes(await app.call(CREATE_WALLET, { input: { label: 'x' } }))).toEqual(['UNAUTHENTICATED']);
    const scopeless = await app.auth.newUser([]);
    expect(errorCodes(await app.call(CREATE_WALLET, { input: { label: 'x' } }, scopeless.token))).toEqual(['FORBIDDEN']);
    expect(errorCodes(await app.call(`query($id: ID!) { wallet(id: $id) { id } }`, { id: encodeId('Note', uuidv7()) }, owner.token))).toEqual(['BAD_USER_INPUT']);
  });

  it('User.wallets for 2 users and for 8 users costs the same number of SQL statements', async () => {
    const admin = await app.auth.newUser(['user', 'admin']);
    const owners: string[] = [];
    for (let i = 0; i < 8; i++) {
      const owner = await app.auth.newUser();
      await app.call(`mutation { importWatchOnlyWallet(input: { label: "w", address: "0x${String(i + 1).padStart(40, '0')}" }) { id } }`, {}, owner.token);
      owners.push(owner.publicId);
    }
    const LIST = `query($reps: [_Any!]!) { _entities(representations: $reps) { ... on User { wallets { edges { node { label transactions { edges { node { id } } } } } } } } }`;
    const statementsFor = async (n: number) => {
      app.counter.reset();
      const result = await app.call(LIST, { reps: owners.slice(0, n).map((id) => ({ __typename: 'User', id })) }, admin.token);
      expect(result.errors).toBeUndefined();
      return app.counter.count;
    };
    expect(await statementsFor(8)).toBe(await statementsFor(2));
  });
});

describe('signatures', () => {
  const SIGN = `mutation($walletId: ID!, $message: String!) { signMessage(walletId: $walletId, message: $message) { signature address } }`;
  const VERIFY = `query($address: String!, $message: String!, $signature: String!) { verifyMessageSignature(address: $address, message: $message, signature: $signature) { valid recoveredAddress } }`;
  const TYPED = {
    domain: { name: 'Mosaic', version: '1', chainId: 31337, verifyingContract: '0xCcCCccccCCCCcCCCCCCcCcCccCcCCCcCcccccccC' },
    types: { Mail: [{ name: 'to', type: 'address' }, { name: 'contents', type: 'string' }, { name: 'amount', type: 'uint256' }] },
    primaryType: 'Mail',
    message: { to: '0xbBbBBBBbbBBBbbbBbbBbbbbBBbBbbbbBbBbbBBbB', contents: 'Hello', amount: '1000000000000000000000000' },
  };

  it('signs an EIP-191 message; anyone verifies it (no wallet needed); a wrong message or signer fails', async () => {
    const user = await app.auth.newUser();
    const { data } = await app.call(CREATE_WALLET, { input: { label: 'signer' } }, user.token);
    const wallet = data!.createWallet.wallet;
    const signed = await app.call(SIGN, { walletId: wallet.id, message: 'I agree' }, user.token);
    const { signature, address } = signed.data!.signMessage;
    expect(address).toBe(wallet.address);
    expect((await app.call(VERIFY, { address, message: 'I agree', signature })).data!.verifyMessageSignature).toEqual({ valid: true, recoveredAddress: address });
    const tampered = (await app.call(VERIFY, { address, message: 'I agree!', signature })).data!.verifyMessageSignature;
    expect(tampered.valid).toBe(false);
    expect(tampered.recoveredAddress).not.toBe(address);
    const malformed = await app.call(VERIFY, { address, message: 'I agree', signature: '0x1234' });
    expect(malformed.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'signature' });
    // A key from outside Mosaic verifies the same way.
    const outsider = privateKeyToAccount('0x59c6995e998f97a5a0044966f0945389dc9e86dae88c7a8412f4603b6b78690d');
    const foreign = await outsider.signMessage({ message: 'hi' });
    expect((await app.call(VERIFY, { address: outsider.address, message: 'hi', signature: foreign })).data!.verifyMessageSignature.valid).toBe(true);
  });

  it('signs and verifies EIP-712 typed data (uint256 beyond 2^53 as a string); refuses another chain, bad types and watch-only wallets', async () => {
    const user = await app.auth.newUser();
    const { data } = await app.call(CREATE_WALLET, { input: { label: 'typed' } }, user.token);
    const walletId = data!.createWallet.wallet.id;
    const SIGN_TYPED = `mutation($walletId: ID!, $typedData: JSON!) { signTypedData(walletId: $walletId, typedData: $typedData) { signature address } }`;
    const signed = await app.call(SIGN_TYPED, { walletId, typedData: TYPED }, user.token);
    expect(signed.errors).toBeUndefined();
    const { signature, address } = signed.data!.signTypedData;
    const VERIFY_TYPED = `query($address: String!, $typedData: JSON!, $signature: String!) { verifyTypedDataSignature(address: $address, typedData: $typedData, signature: $signature) { valid } }`;
    expect((await app.call(VERIFY_TYPED, { address, typedData: TYPED, signature })).data!.verifyTypedDataSignature.valid).toBe(true);
    const changed = { ...TYPED, message: { ...TYPED.message, amount: '1' } };
    expect((await app.call(VERIFY_TYPED, { address, typedData: changed, signature })).data!.verifyTypedDataSignature.valid).toBe(false);
    const otherChain = await app.call(SIGN_TYPED, { walletId, typedData: { ...TYPED, domain: { ...TYPED.domain, chainId: 1 } } }, user.token);
    expect(otherChain.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'CHAIN_ID_MISMATCH', field: 'typedData.domain.chainId' });
    const badType = await app.call(SIGN_TYPED, { walletId, typedData: { ...TYPED, message: { ...TYPED.message, to: 'nobody' } } }, user.token);
    expect(badType.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'typedData' });
    const watch = await app.call(`mutation { importWatchOnlyWallet(input: { label: "w", address: "0x00000000000000000000000000000000000000aa" }) { id } }`, {}, user.token);
    const refused = await app.call(SIGN, { walletId: watch.data!.importWatchOnlyWallet.id, message: 'x' }, user.token);
    expect(refused.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', reason: 'WATCH_ONLY_WALLET' });
    const stranger = await app.auth.newUser();
    expect((await app.call(SIGN, { walletId, message: 'x' }, stranger.token)).errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'walletId' });
  });

  it('Sign-In with Ethereum links an address once; replays, wrong signers and other accounts are refused', async () => {
    const user = await app.auth.newUser();
    const key = privateKeyToAccount('0x5de4111afa1a4b94908f83103eb1f1706367c2e68ca870fc3fb9a804cdab365a');
    const CHALLENGE = `mutation($address: String!) { createSiweChallenge(address: $address) { message nonce expiresAt } }`;
    const LINK = `mutation($message: String!, $signature: String!) { linkAddress(message: $message, signature: $signature) { address chainId } }`;
    const { message } = (await app.call(CHALLENGE, { address: key.address }, user.token)).data!.createSiweChallenge;
    expect(message).toContain('localhost:4000 wants you to sign in with your Ethereum account');
    const wrongSigner = await privateKeyToAccount('0x59c6995e998f97a5a0044966f0945389dc9e86dae88c7a8412f4603b6b78690d').signMessage({ message });
    expect((await app.call(LINK, { message, signature: wrongSigner }, user.token)).errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'signature' });
    const signature = await key.signMessage({ message });
    const linked = await app.call(LINK, { message, signature }, user.token);
    expect(linked.data!.linkAddress).toEqual({ address: key.address, chainId: 31337 });
    expect(errorCodes(await app.call(LINK, { message, signature }, user.token))).toEqual(['CONFLICT']);
    const me = await app.call(`query($reps: [_Any!]!) { _entities(representations: $reps) { ... on User { linkedAddresses { address } } } }`, { reps: [{ __typename: 'User', id: user.publicId }] }, user.token);
    expect(me.data!._entities[0].linkedAddresses).toEqual([{ address: key.address }]);
    const other = await app.auth.newUser();
    const second = (await app.call(CHALLENGE, { address: key.address }, other.token)).data!.createSiweChallenge.message;
    expect(errorCodes(await app.call(LINK, { message: second, signature: await key.signMessage({ message: second }) }, other.token))).toEqual(['CONFLICT']);
  });
});

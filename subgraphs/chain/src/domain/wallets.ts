import { z } from 'zod';
import { ConflictError, isUniqueViolation, refreshLoaders, uuidv7, validate, written, type Connection, type PageArgs } from '@mosaic/kit';
import { validateMnemonic } from '@scure/bip39';
import { wordlist } from '@scure/bip39/wordlists/english';
import { erc20Abi, type Address, type LocalAccount } from 'viem';
import { generateMnemonic, HDKey, hdKeyToAccount } from 'viem/accounts';
import type { Context } from '../context';
import type { TransactionRow, WalletRow } from '../data/tables';
import { countWalletsOf, insertWallet } from '../data/wallets-repo';
import { parseAddress } from './addresses';
import { bip39Seed } from './bip39-seed';
import { badInput, toChainError } from './chain-errors';
import { loadPage } from './pages';

type WalletContext = Pick<Context, 'auth' | 'db' | 'loaders' | 'now' | 'settings' | 'chain' | 'log'>;

const label = z.string().trim().min(1, 'must not be empty').max(100, 'must be at most 100 characters');
const createInput = z.object({
  label,
  mnemonic: z.string().trim().toLowerCase().nullish(),
  addressIndex: z.number().int().min(0, 'must be 0 or more').max(2 ** 31 - 1, 'must be below 2^31').nullish(),
});
const watchInput = z.object({ label, address: z.string() });

const pathOf = (addressIndex: number) => `m/44'/60'/0'/0/${addressIndex}` as const;
const accountOf = (seedHex: string, path: string) => hdKeyToAccount(HDKey.fromMasterSeed(Buffer.from(seedHex, 'hex')), { path: path as `m/44'/60'/${string}` });
export const sealContext = (walletId: string) => `chain.wallet:${walletId}`;

export interface CreatedWallet {
  wallet: WalletRow;
  mnemonic: string | null;
  funding: TransactionRow | null;
}

async function assertRoom(ctx: WalletContext, ownerId: string): Promise<void> {
  if ((await countWalletsOf(ctx.db, ownerId)) >= ctx.settings.maxWalletsPerUser) {
    throw new ConflictError(`You already have ${ctx.settings.maxWalletsPerUser} wallets, the most one account may keep.`);
  }
}

async function store(ctx: WalletContext, row: WalletRow): Promise<WalletRow> {
  try {
    const stored = await insertWallet(ctx.db, row);
    refreshLoaders(ctx.loaders, written(ctx.loaders.walletById, stored.id, stored));
    return stored;
  } catch (error) {
    if (isUniqueViolation(error)) throw new ConflictError('You already have a wallet with this address.', { field: 'input' });
    throw error;
  }
}

/**
 * A new HD wallet (BIP-39 phrase, BIP-44 address), or one restored from the caller's phrase. The
 * seed is stored envelope-encrypted; the phrase is returned only here, only when generated. On the
 * development network the faucet sends the new address a welcome amount.
 */
export async function createWallet(ctx: WalletContext, input: unknown): Promise<CreatedWallet> {
  const ownerId = ctx.auth.require('chain:write').userId;
  const parsed = validate(createInput, input);
  const restoring = parsed.mnemonic != null;
  const mnemonic = restoring ? parsed.mnemonic!.split(/\s+/).join(' ') : generateMnemonic(wordlist);
  if (restoring && !validateMnemonic(mnemonic, wordlist)) {
    throw badInput('INVALID_ARGUMENTS', 'The recovery phrase is not a valid BIP-39 English phrase (12–24 words with a checksum): check the words and their order.', 'input.mnemonic');
  }
  await assertRoom(ctx, ownerId);
  const addressIndex = parsed.addressIndex ?? 0;
  const seed = Buffer.from(bip39Seed(mnemonic)).toString('hex');
  const account = accountOf(seed, pathOf(addressIndex));
  const now = ctx.now();
  const id = uuidv7(now.getTime());
  const sealed = ctx.chain.envelope.seal(seed, sealContext(id));
  const wallet = await store(ctx, {
    id,
    ownerId,
    label: parsed.label,
    kind: 'HD',
    address: account.address.toLowerCase(),
    derivationPath: pathOf(addressIndex),
    sealedSeed: sealed,
    keyId: ctx.chain.envelope.activeKeyId,
    createdAt: now,
  });
  return { wallet, mnemonic: restoring ? null : mnemonic, funding: await fund(ctx, account.address) };
}

/** The development network's welcome transfer; a wallet is still created if it cannot be sent. */
async function fund(ctx: WalletContext, address: Address): Promise<TransactionRow | null> {
  const faucet = ctx.chain.network.faucet;
  if (!faucet) return null;
  try {
    return await ctx.chain.sender.send({ account: faucet.account, to: address, value: faucet.amount }, { kind: 'FUNDING', ownerId: null, walletId: null });
  } catch (error) {
    ctx.log.warn({ err: error }, 'the development faucet could not fund a new wallet');
    return null;
  }
}

export async function importWatchOnlyWallet(ctx: WalletContext, input: unknown): Promise<WalletRow> {
  const ownerId = ctx.auth.require('chain:write').userId;
  const parsed = validate(watchInput, input);
  const address = parseAddress(parsed.address, 'input.address');
  await assertRoom(ctx, ownerId);
  const now = ctx.now();
  return store(ctx, { id: uuidv7(now.getTime()), ownerId, label: parsed.label, kind: 'WATCH_ONLY', address: address.toLowerCase(), derivationPath: null, sealedSeed: null, keyId: null, createdAt: now });
}

/** The caller's wallet, or null: someone else's looks exactly like a missing one. */
export async function findOwnWallet(ctx: Pick<Context, 'auth' | 'loaders'>, id: string): Promise<WalletRow | null> {
  const viewer = ctx.auth.require('chain:read');
  const row = await ctx.loaders.walletById.load(id);
  return row?.ownerId === viewer.userId ? row : null;
}

/**
 * The caller's HD wallet's signing account, for `field`. The phrase is decrypted only here, for
 * the one operation, and never logged or returned.
 */
export async function signerOf(ctx: Pick<Context, 'auth' | 'loaders' | 'chain'>, walletId: string, field: string): Promise<{ wallet: WalletRow; account: LocalAccount }> {
  const wallet = await findOwnWallet(ctx, walletId);
  if (!wallet) throw badInput('INVALID_ARGUMENTS', 'You have no wallet with this id.', field);
  if (wallet.kind !== 'HD' || !wallet.sealedSeed) throw badInput('WATCH_ONLY_WALLET', 'This is a watch-only wallet: it has no keys to sign with.', field);
  return { wallet, account: accountOf(ctx.chain.envelope.open(wallet.sealedSeed, sealContext(wallet.id)).toString(), wallet.derivationPath!) };
}

/** `User.wallets`: the owner's own, or anyone's for admins; batched across users by the loader. */
export async function listWallets(ctx: Pick<Context, 'auth' | 'loaders'>, ownerId: string, args: PageArgs): Promise<Connection<WalletRow>> {
  ctx.auth.require('chain:read');
  ctx.auth.requireOwnerOrAdmin(ownerId, 'wallets');
  return loadPage(ctx.loaders.walletPage, ctx.loaders.walletById, ownerId, args);
}

export async function walletBalance(ctx: Pick<Context, 'chain'>, wallet: WalletRow): Promise<bigint> {
  try {
    return await ctx.chain.network.client.getBalance({ address: wallet.address as Address });
  } catch (error) {
    throw toChainError(error, {});
  }
}

export async function tokenBalance(ctx: Pick<Context, 'chain'>, wallet: WalletRow, tokenInput: string) {
  const token = parseAddress(tokenInput, 'token');
  const { client } = ctx.chain.network;
  try {
    const [symbol, decimals, balance] = await Promise.all([
      client.readContract({ address: token, abi: erc20Abi, functionName: 'symbol' }),
      client.readContract({ address: token, abi: erc20Abi, functionName: 'decimals' }),
      client.readContract({ address: token, abi: erc20Abi, functionName: 'balanceOf', args: [wallet.address as Address] }),
    ]);
    return { token, symbol, decimals, balance };
  } catch (error) {
    const mapped = toChainError(error, { args: 'token' });
    if (mapped !== error) throw mapped;
    throw badInput('INVALID_ARGUMENTS', 'That address is not an ERC-20 token contract on this network.', 'token');
  }
}

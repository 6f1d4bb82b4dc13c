import { z } from 'zod';
import { toConnection, validate, type Connection, type PageArgs } from '@mosaic/kit';
import { encodeFunctionData, erc20Abi, type Address } from 'viem';
import type { Context } from '../../context';
import type { TransactionRow, WalletRow } from '../../data/tables';
import { walletAddressesOf } from '../../data/wallets-repo';
import { parseAddress } from '../addresses';
import { badInput, ChainError } from '../chain-errors';
import { cursorKey, pageQuery } from '../pages';
import { signerOf } from '../wallets';
import type { OutgoingTransaction, PreparedTransaction, TransactionRecord } from './transaction-sender';

type SendContext = Pick<Context, 'auth' | 'db' | 'loaders' | 'chain'>;

const optionalWei = z.bigint().nullish();
const transferInput = z.object({
  walletId: z.string(),
  to: z.string(),
  amount: z.bigint().refine((v) => v > 0n, 'must be more than 0'),
  token: z.string().nullish(),
  chainId: z.number().int().nullish(),
  gasLimit: optionalWei,
  maxFeePerGas: optionalWei,
  maxPriorityFeePerGas: optionalWei,
});

const FIELDS = { amount: 'input.amount', gasLimit: 'input.gasLimit', fee: 'input.maxFeePerGas', args: 'input.to' };

/** The transfer as a transaction: value to the recipient, or ERC-20 `transfer(to, amount)` to the token. */
async function transferOf(ctx: SendContext, input: unknown): Promise<{ outgoing: OutgoingTransaction; record: TransactionRecord; wallet: WalletRow }> {
  const parsed = validate(transferInput, input);
  if (parsed.chainId != null && parsed.chainId !== ctx.chain.network.chainId) {
    throw badInput('CHAIN_ID_MISMATCH', `This deployment sends on chain ${ctx.chain.network.chainId}, not ${parsed.chainId}. Nothing was signed.`, 'input.chainId');
  }
  const to = parseAddress(parsed.to, 'input.to');
  const token = parsed.token ? parseAddress(parsed.token, 'input.token') : null;
  const { wallet, account } = await signerOf(ctx, parsed.walletId, 'input.walletId');
  const fees = { gasLimit: parsed.gasLimit, maxFeePerGas: parsed.maxFeePerGas, maxPriorityFeePerGas: parsed.maxPriorityFeePerGas, fields: FIELDS };
  if (!token) {
    return { wallet, outgoing: { account, to, value: parsed.amount, ...fees }, record: { kind: 'TRANSFER', ownerId: wallet.ownerId, walletId: wallet.id } };
  }
  const held = await ctx.chain.network.client.readContract({ address: token, abi: erc20Abi, functionName: 'balanceOf', args: [account.address] }).catch(() => {
    throw badInput('INVALID_ARGUMENTS', 'That address is not an ERC-20 token contract on this network.', 'input.token');
  });
  if (held < parsed.amount) {
    throw badInput('INSUFFICIENT_FUNDS', `The wallet holds ${held} of this token (smallest unit), less than ${parsed.amount}.`, 'input.amount', { balance: String(held) });
  }
  return {
    wallet,
    outgoing: { account, to: token, value: 0n, data: encodeFunctionData({ abi: erc20Abi, functionName: 'transfer', args: [to, parsed.amount] }), ...fees },
    record: { kind: 'TOKEN_TRANSFER', ownerId: wallet.ownerId, walletId: wallet.id, tokenAddress: token.toLowerCase(), tokenAmount: String(parsed.amount) },
  };
}

export async function estimateTransfer(ctx: SendContext, input: unknown): Promise<PreparedTransaction> {
  ctx.auth.require('chain:read');
  const { outgoing } = await transferOf(ctx, input);
  return ctx.chain.sender.prepare(outgoing);
}

export async function sendTransfer(ctx: SendContext, input: unknown): Promise<TransactionRow> {
  ctx.auth.require('chain:send');
  const { outgoing, record } = await transferOf(ctx, input);
  return ctx.chain.sender.send(outgoing, record);
}

/** The caller's transaction, or null: sent by them or touching one of their wallets. */
export async function findVisibleTransaction(ctx: Pick<Context, 'auth' | 'db' | 'loaders'>, id: string): Promise<TransactionRow | null> {
  const viewer = ctx.auth.require('chain:read');
  const row = await ctx.loaders.transactionById.load(id);
  if (!row) return null;
  if (row.ownerId === viewer.userId) return row;
  const mine = await walletAddressesOf(ctx.db, viewer.userId);
  return mine.includes(row.fromAddress) || (row.toAddress !== null && mine.includes(row.toAddress)) ? row : null;
}

/** `Wallet.transactions`: everything Mosaic tracks from or to the wallet's address; batched across wallets. */
export async function listWalletTransactions(ctx: Pick<Context, 'loaders'>, wallet: WalletRow, args: PageArgs): Promise<Connection<TransactionRow>> {
  const query = pageQuery(args);
  const rows = (await ctx.loaders.transactionPage.load({ parentId: wallet.address, query })).map((entry) => entry.transaction);
  for (const row of rows) ctx.loaders.transactionById.prime(row.id, row);
  return toConnection(rows, query.limit, cursorKey, args.after);
}

const bumpInput = z.object({ transactionId: z.string(), feeBumpPercent: z.number().int().min(10, 'must be at least 10 (nodes refuse smaller bumps)').max(500, 'must be at most 500').nullish() });

/** A PENDING transaction of the caller's, with the signer of its wallet. */
async function pendingOwnTransaction(ctx: SendContext, id: string, field: string) {
  const row = await findVisibleTransaction(ctx, id);
  if (!row || row.ownerId !== ctx.auth.userId() || !row.walletId) throw badInput('INVALID_ARGUMENTS', 'You have sent no transaction with this id.', field);
  if (row.status !== 'PENDING') throw new ChainError('CONFLICT', 'NOT_PENDING', `The transaction is ${row.status}; only a PENDING one can be replaced.`, { field });
  const { account } = await signerOf(ctx, row.walletId, field);
  return { row, account };
}

async function bumpedFees(ctx: SendContext, row: TransactionRow, percent: bigint) {
  const bump = (fee: bigint) => fee + (fee * percent + 99n) / 100n;
  const current = await ctx.chain.network.client.estimateFeesPerGas();
  const max = (a: bigint, b: bigint) => (a > b ? a : b);
  const maxPriorityFeePerGas = max(bump(BigInt(row.maxPriorityFeePerGas)), current.maxPriorityFeePerGas);
  return { maxPriorityFeePerGas, maxFeePerGas: max(max(bump(BigInt(row.maxFeePerGas)), current.maxFeePerGas), maxPriorityFeePerGas) };
}

/** The same transaction with the same nonce and fees raised by feeBumpPercent (≥ 10, nodes' rule). */
export async function speedUpTransaction(ctx: SendContext, input: unknown): Promise<TransactionRow> {
  ctx.auth.require('chain:send');
  const parsed = validate(bumpInput, input);
  const { row, account } = await pendingOwnTransaction(ctx, parsed.transactionId, 'input.transactionId');
  const fees = await bumpedFees(ctx, row, BigInt(parsed.feeBumpPercent ?? 20));
  const transaction = await ctx.chain.network.client.getTransaction({ hash: row.hash as Address });
  const outgoing: OutgoingTransaction = { account, to: row.toAddress as Address | null, value: BigInt(row.value), data: transaction.input, gasLimit: BigInt(row.gasLimit), ...fees };
  return ctx.chain.sender.send(outgoing, { kind: row.kind, ownerId: row.ownerId, walletId: row.walletId, tokenAddress: row.tokenAddress, tokenAmount: row.tokenAmount, contractId: row.contractId }, { nonce: row.nonce });
}

/** A 0-value transfer to the sender itself with the same nonce and higher fees: the original never runs. */
export async function cancelTransaction(ctx: SendContext, transactionId: string): Promise<TransactionRow> {
  ctx.auth.require('chain:send');
  const { row, account } = await pendingOwnTransaction(ctx, transactionId, 'transactionId');
  const fees = await bumpedFees(ctx, row, 20n);
  return ctx.chain.sender.send({ account, to: account.address, value: 0n, gasLimit: 21_000n, ...fees }, { kind: 'CANCELLATION', ownerId: row.ownerId, walletId: row.walletId }, { nonce: row.nonce });
}

import { isHex, recoverMessageAddress, recoverTypedDataAddress, type Hex, type TypedDataDefinition } from 'viem';
import type { Context } from '../context';
import { parseAddress } from './addresses';
import { badInput } from './chain-errors';
import { signerOf } from './wallets';

const MAX_MESSAGE_LENGTH = 10_000;

export interface Verification {
  valid: boolean;
  recoveredAddress: string | null;
}

function parseMessage(message: string, field: string): string {
  if (message.length === 0 || message.length > MAX_MESSAGE_LENGTH) throw badInput('INVALID_ARGUMENTS', `The message must be 1 to ${MAX_MESSAGE_LENGTH} characters.`, field);
  return message;
}

function parseSignature(signature: string, field: string): Hex {
  const trimmed = signature.trim();
  // 65 bytes (r, s, v) or the 64-byte compact form of EIP-2098.
  if (!isHex(trimmed) || (trimmed.length !== 132 && trimmed.length !== 130)) {
    throw badInput('INVALID_ARGUMENTS', 'A signature is 0x followed by 130 hex digits (65 bytes: r, s, v) or 128 (EIP-2098 compact).', field);
  }
  return trimmed as Hex;
}

/**
 * EIP-712 typed data from JSON: `{ domain, types, primaryType, message }`. Integers may be decimal
 * strings (JSON has no bigints); the data is checked against its types before anything is signed.
 */
export function parseTypedData(value: unknown, field: string, chainId: number): TypedDataDefinition {
  if (!value || typeof value !== 'object') throw badInput('INVALID_ARGUMENTS', 'Typed data must be an object { domain, types, primaryType, message }.', field);
  const { domain = {}, types, primaryType, message } = value as Record<string, unknown>;
  if (!types || typeof types !== 'object' || typeof primaryType !== 'string' || !(primaryType in types) || !message || typeof message !== 'object') {
    throw badInput('INVALID_ARGUMENTS', 'Typed data needs `types` (an object of struct definitions), a `primaryType` defined in it and a `message` object.', field);
  }
  const domainObject = domain as Record<string, unknown>;
  if (domainObject.chainId !== undefined && Number(domainObject.chainId) !== chainId) {
    throw badInput('CHAIN_ID_MISMATCH', `The typed data's domain.chainId is ${String(domainObject.chainId)}, but this network is ${chainId}: a signature for another chain is refused.`, `${field}.domain.chainId`);
  }
  const { EIP712Domain: _domainType, ...structs } = types as Record<string, { name: string; type: string }[]>;
  return { domain: domainObject as TypedDataDefinition['domain'], types: structs, primaryType, message: message as Record<string, unknown> } as unknown as TypedDataDefinition;
}

/** viem's error for data that does not fit its types, as the field's error. */
async function typed<T>(field: string, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error && typeof error === 'object' && 'shortMessage' in error) throw badInput('INVALID_ARGUMENTS', `The typed data does not match its types: ${String(error.shortMessage)}`, field);
    throw error;
  }
}

export async function signMessage(ctx: Pick<Context, 'auth' | 'loaders' | 'chain'>, walletId: string, message: string) {
  ctx.auth.require('chain:sign');
  const text = parseMessage(message, 'message');
  const { account } = await signerOf(ctx, walletId, 'walletId');
  return { signature: await account.signMessage({ message: text }), address: account.address };
}

export async function signTypedData(ctx: Pick<Context, 'auth' | 'loaders' | 'chain'>, walletId: string, input: unknown) {
  ctx.auth.require('chain:sign');
  const data = parseTypedData(input, 'typedData', ctx.chain.network.chainId);
  const { account } = await signerOf(ctx, walletId, 'walletId');
  return { signature: await typed('typedData', () => account.signTypedData(data)), address: account.address };
}

/** Any address, any signature: recovers the signer (EOA signatures) and compares. */
export async function verifyMessageSignature(address: string, message: string, signature: string): Promise<Verification> {
  const claimed = parseAddress(address, 'address');
  const text = parseMessage(message, 'message');
  const sig = parseSignature(signature, 'signature');
  try {
    const recovered = await recoverMessageAddress({ message: text, signature: sig });
    return { valid: recovered === claimed, recoveredAddress: recovered };
  } catch {
    return { valid: false, recoveredAddress: null };
  }
}

export async function verifyTypedDataSignature(ctx: Pick<Context, 'chain'>, address: string, typedData: unknown, signature: string): Promise<Verification> {
  const claimed = parseAddress(address, 'address');
  const data = parseTypedData(typedData, 'typedData', ctx.chain.network.chainId);
  const sig = parseSignature(signature, 'signature');
  try {
    const recovered = await typed('typedData', () => recoverTypedDataAddress({ ...data, signature: sig }));
    return { valid: recovered === claimed, recoveredAddress: recovered };
  } catch (error) {
    if (error instanceof Error && 'extensions' in error) throw error;
    return { valid: false, recoveredAddress: null };
  }
}

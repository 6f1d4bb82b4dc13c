import { ConflictError, isUniqueViolation, uuidv7 } from '@mosaic/kit';
import { recoverMessageAddress, type Hex } from 'viem';
import { createSiweMessage, generateSiweNonce, parseSiweMessage, validateSiweMessage } from 'viem/siwe';
import type { Context } from '../context';
import { consumeChallenge, findLinkedAddress, insertChallenge, insertLinkedAddress } from '../data/linked-addresses-repo';
import type { LinkedAddressRow } from '../data/tables';
import { parseAddress } from './addresses';
import { badInput } from './chain-errors';

const CHALLENGE_TTL_MS = 10 * 60_000;
type SiweContext = Pick<Context, 'auth' | 'db' | 'now' | 'settings' | 'chain' | 'loaders'>;

/** An EIP-4361 message for the caller to sign with the address's key; its nonce is stored for one use. */
export async function createSiweChallenge(ctx: SiweContext, addressInput: string) {
  const userId = ctx.auth.require('chain:write').userId;
  const address = parseAddress(addressInput, 'address');
  const now = ctx.now();
  const expiresAt = new Date(now.getTime() + CHALLENGE_TTL_MS);
  const nonce = generateSiweNonce();
  const message = createSiweMessage({
    domain: ctx.settings.siwe.domain,
    uri: ctx.settings.siwe.uri,
    address,
    chainId: ctx.chain.network.chainId,
    nonce,
    version: '1',
    statement: 'Link this address to my Mosaic account.',
    issuedAt: now,
    expirationTime: expiresAt,
  });
  await insertChallenge(ctx.db, { nonce, userId, address: address.toLowerCase(), expiresAt, usedAt: null, createdAt: now });
  return { message, nonce, expiresAt };
}

/**
 * Checks the signed message (domain, chain, time window, a nonce this server issued to this user
 * and not used before) and the signature (it must recover to the message's address), then links
 * the address. An address belongs to one account at most.
 */
export async function linkAddress(ctx: SiweContext, message: string, signature: string): Promise<LinkedAddressRow> {
  const userId = ctx.auth.require('chain:write').userId;
  const parsed = parseSiweMessage(message);
  const now = ctx.now();
  if (!parsed.address || !parsed.nonce) throw badInput('INVALID_ARGUMENTS', 'This is not a Sign-In with Ethereum message from createSiweChallenge.', 'message');
  const valid = validateSiweMessage({ message: parsed, domain: ctx.settings.siwe.domain, nonce: parsed.nonce, time: now });
  if (!valid || parsed.chainId !== ctx.chain.network.chainId) {
    throw badInput('INVALID_ARGUMENTS', 'The message is expired, for another domain or chain, or malformed: request a new challenge.', 'message');
  }
  let recovered: string;
  try {
    recovered = await recoverMessageAddress({ message, signature: signature as Hex });
  } catch {
    throw badInput('INVALID_ARGUMENTS', 'The signature is malformed.', 'signature');
  }
  if (recovered !== parsed.address) throw badInput('INVALID_ARGUMENTS', `The signature was made by ${recovered}, not by ${parsed.address}.`, 'signature');
  const address = parsed.address.toLowerCase();
  if (!(await consumeChallenge(ctx.db, parsed.nonce, userId, address, now))) {
    throw new ConflictError('This challenge was already used, expired, or was issued to someone else: request a new one.', { field: 'message' });
  }
  const existing = await findLinkedAddress(ctx.db, address);
  if (existing?.userId === userId) return existing;
  if (existing) throw new ConflictError('This address is already linked to another account.', { field: 'message' });
  try {
    const row = await insertLinkedAddress(ctx.db, { id: uuidv7(now.getTime()), userId, address, chainId: ctx.chain.network.chainId, linkedAt: now });
    ctx.loaders.linkedAddresses.clear(userId);
    return row;
  } catch (error) {
    if (isUniqueViolation(error)) throw new ConflictError('This address is already linked to another account.', { field: 'message' });
    throw error;
  }
}

export async function listLinkedAddresses(ctx: Pick<Context, 'auth' | 'loaders'>, userId: string): Promise<LinkedAddressRow[]> {
  ctx.auth.require('chain:read');
  ctx.auth.requireOwnerOrAdmin(userId, 'linked addresses');
  return ctx.loaders.linkedAddresses.load(userId);
}

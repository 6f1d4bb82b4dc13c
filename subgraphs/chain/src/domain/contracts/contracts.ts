import { z } from 'zod';
import { ConflictError, isUniqueViolation, refreshLoaders, uuidv7, validate, written, type Connection, type PageArgs } from '@mosaic/kit';
import { encodeDeployData, encodeFunctionData, getContractAddress, parseEventLogs, type Abi, type AbiFunction, type Address, type Hex } from 'viem';
import type { Context } from '../../context';
import { findOwnedContractAt, insertContract } from '../../data/contracts-repo';
import type { ContractRow, TransactionRow } from '../../data/tables';
import { parseAddress } from '../addresses';
import { badInput, toChainError } from '../chain-errors';
import { loadPage } from '../pages';
import { signerOf } from '../wallets';
import { ArgumentError, fromJsonArgs, toJsonValue } from './abi-json';
import type { CompileResult } from './compiler';
import { decodeLog, type DecodedEvent } from './contract-events';
import { exampleArtifacts } from './example-artifacts';
import { exampleContract } from './examples';

type ContractContext = Pick<Context, 'auth' | 'db' | 'loaders' | 'now' | 'chain'>;

const MAX_SOURCE_BYTES = 200_000;

export async function compileSource(ctx: Pick<Context, 'auth' | 'chain'>, source: string, field = 'source'): Promise<CompileResult> {
  ctx.auth.require('chain:write');
  if (source.trim().length === 0 || Buffer.byteLength(source) > MAX_SOURCE_BYTES) throw badInput('COMPILATION_FAILED', `The source must be 1 byte to ${MAX_SOURCE_BYTES / 1000} kB of Solidity.`, field);
  const result = await ctx.chain.compiler.compile(source);
  if (result.errors.length > 0) {
    throw badInput('COMPILATION_FAILED', `solc ${result.compilerVersion.split('+')[0]} could not compile it:\n${result.errors.join('\n')}`, field, { compilerErrors: result.errors });
  }
  return result;
}

/** An argument problem as the error for `field` (its path inside the JSON array included). */
function argumentsOf(parameters: AbiFunction['inputs'], args: unknown, field: string): unknown[] {
  try {
    return fromJsonArgs(parameters, args);
  } catch (error) {
    if (error instanceof ArgumentError) throw badInput('INVALID_ARGUMENTS', `${error.path} ${error.message}.`, field, { path: error.path });
    throw error;
  }
}

const weiOption = z.bigint().nullish();
const deployInput = z.object({
  walletId: z.string(),
  source: z.string().nullish(),
  example: z.enum(['ERC20', 'ERC721']).nullish(),
  contractName: z.string().nullish(),
  args: z.unknown().optional(),
  value: weiOption,
  gasLimit: weiOption,
});

/**
 * Compiles (examples come precompiled), checks the constructor arguments against the ABI, estimates (a reverting constructor
 * is reported, nothing sent) and deploys. The contract row is stored with its address (known from
 * the sender's nonce) in the same database transaction as the deployment.
 */
export async function deployContract(ctx: ContractContext, input: unknown): Promise<ContractRow> {
  ctx.auth.require('chain:send');
  const parsed = validate(deployInput, input);
  if ((parsed.source == null) === (parsed.example == null)) throw badInput('INVALID_ARGUMENTS', 'Give either `source` or `example`.', 'input.source');
  const example = parsed.example ? exampleContract(parsed.example) : null;
  const compiled = example ? [exampleArtifacts()[example.example]] : (await compileSource(ctx, parsed.source!, 'input.source')).contracts;
  const wanted = parsed.contractName ?? example?.contractName;
  const deployable = compiled.filter((c) => c.bytecode.length > 2);
  const contract = wanted ? deployable.find((c) => c.name === wanted) : deployable.length === 1 ? deployable[0] : undefined;
  if (!contract) {
    throw badInput('INVALID_ARGUMENTS', `Name the contract to deploy: ${deployable.map((c) => c.name).join(', ') || 'the source has no deployable contract'}.`, 'input.contractName');
  }
  const constructor = contract.abi.find((item) => item.type === 'constructor');
  const args = argumentsOf(constructor && 'inputs' in constructor ? constructor.inputs : [], parsed.args, 'input.args');
  let data: Hex;
  try {
    data = encodeDeployData({ abi: contract.abi, bytecode: contract.bytecode, args });
  } catch (error) {
    throw toChainError(error, { args: 'input.args' });
  }
  const { wallet, account } = await signerOf(ctx, parsed.walletId, 'input.walletId');
  const contractId = uuidv7(ctx.now().getTime());
  let stored: ContractRow | undefined;
  await ctx.chain.sender.send(
    { account, to: null, value: parsed.value ?? 0n, data, gasLimit: parsed.gasLimit, abi: contract.abi, fields: { args: 'input.args', amount: 'input.value', gasLimit: 'input.gasLimit' } },
    { kind: 'CONTRACT_DEPLOYMENT', ownerId: wallet.ownerId, walletId: wallet.id, contractId },
    {
      afterSend: async (tx, row) => {
        const address = getContractAddress({ from: account.address, nonce: row.nonce }).toLowerCase();
        stored = await insertContract(tx, { id: contractId, ownerId: wallet.ownerId, chainId: row.chainId, name: contract.name, address, abi: contract.abi, deploymentTxId: row.id, createdAt: row.createdAt });
      },
    },
  );
  refreshLoaders(ctx.loaders, written(ctx.loaders.contractById, stored!.id, stored!));
  return stored!;
}

const watchInput = z.object({ address: z.string(), abi: z.unknown(), name: z.string().trim().min(1, 'must not be empty').max(100, 'must be at most 100 characters') });

function parseAbi(value: unknown, field: string): Abi {
  const abi = typeof value === 'string' ? (() => { try { return JSON.parse(value) as unknown; } catch { return null; } })() : value;
  if (!Array.isArray(abi) || !abi.every((item) => item && typeof item === 'object' && typeof (item as { type?: unknown }).type === 'string')) {
    throw badInput('INVALID_ARGUMENTS', 'The ABI must be a JSON array of ABI items (objects with a `type`), as solc outputs it.', field);
  }
  return abi as Abi;
}

/** Follows a contract deployed elsewhere: there must be code at the address on this network. */
export async function watchContract(ctx: ContractContext, input: unknown): Promise<ContractRow> {
  const ownerId = ctx.auth.require('chain:write').userId;
  const parsed = validate(watchInput, input);
  const address = parseAddress(parsed.address, 'input.address');
  const abi = parseAbi(parsed.abi, 'input.abi');
  const code = await ctx.chain.network.client.getCode({ address }).catch((error: unknown) => {
    throw toChainError(error, {});
  });
  if (!code || code === '0x') throw badInput('INVALID_ADDRESS', `There is no contract at ${address} on this network.`, 'input.address');
  const now = ctx.now();
  try {
    const row = await insertContract(ctx.db, { id: uuidv7(now.getTime()), ownerId, chainId: ctx.chain.network.chainId, name: parsed.name, address: address.toLowerCase(), abi, deploymentTxId: null, createdAt: now });
    refreshLoaders(ctx.loaders, written(ctx.loaders.contractById, row.id, row));
    return row;
  } catch (error) {
    if (isUniqueViolation(error)) throw new ConflictError('You already follow this contract.', { field: 'input.address', existing: (await findOwnedContractAt(ctx.db, ownerId, ctx.chain.network.chainId, address.toLowerCase()))?.id });
    throw error;
  }
}

export async function findOwnContract(ctx: Pick<Context, 'auth' | 'loaders'>, id: string): Promise<ContractRow | null> {
  const viewer = ctx.auth.require('chain:read');
  const row = await ctx.loaders.contractById.load(id);
  return row?.ownerId === viewer.userId ? row : null;
}

async function requireOwnContract(ctx: Pick<Context, 'auth' | 'loaders'>, id: string, field: string): Promise<ContractRow> {
  const row = await findOwnContract(ctx, id);
  if (!row) throw badInput('INVALID_ARGUMENTS', 'You have no contract with this id.', field);
  return row;
}

function functionOf(contract: ContractRow, name: string, field: string): AbiFunction {
  const candidates = (contract.abi as Abi).filter((item): item is AbiFunction => item.type === 'function' && item.name === name);
  if (candidates.length === 0) throw badInput('INVALID_ARGUMENTS', `${contract.name} has no function "${name}".`, field);
  return candidates[0]!;
}

const callInput = z.object({ contractId: z.string(), functionName: z.string(), args: z.unknown().optional() });

/** A read through eth_call: nothing is signed or sent; reverts come back decoded. */
export async function callContract(ctx: ContractContext, input: unknown): Promise<unknown> {
  ctx.auth.require('chain:read');
  const parsed = validate(callInput, input);
  const contract = await requireOwnContract(ctx, parsed.contractId, 'input.contractId');
  const fn = functionOf(contract, parsed.functionName, 'input.functionName');
  const args = argumentsOf(fn.inputs, parsed.args, 'input.args');
  try {
    const result = await ctx.chain.network.client.readContract({ address: contract.address as Address, abi: [fn], functionName: fn.name, args });
    return toJsonValue(result);
  } catch (error) {
    throw toChainError(error, { args: 'input.args', functionName: 'input.functionName' }, contract.abi as Abi);
  }
}

const writeInput = z.object({
  walletId: z.string(),
  contractId: z.string(),
  functionName: z.string(),
  args: z.unknown().optional(),
  value: weiOption,
  gasLimit: weiOption,
  maxFeePerGas: weiOption,
  maxPriorityFeePerGas: weiOption,
});

/** A state-changing call: simulated by the estimate first (a revert is reported and nothing is signed), then sent. */
export async function writeContract(ctx: ContractContext, input: unknown): Promise<TransactionRow> {
  ctx.auth.require('chain:send');
  const parsed = validate(writeInput, input);
  const contract = await requireOwnContract(ctx, parsed.contractId, 'input.contractId');
  const fn = functionOf(contract, parsed.functionName, 'input.functionName');
  const args = argumentsOf(fn.inputs, parsed.args, 'input.args');
  let data: Hex;
  try {
    data = encodeFunctionData({ abi: [fn], functionName: fn.name, args });
  } catch (error) {
    throw toChainError(error, { args: 'input.args' });
  }
  const { wallet, account } = await signerOf(ctx, parsed.walletId, 'input.walletId');
  return ctx.chain.sender.send(
    {
      account,
      to: contract.address as Address,
      value: parsed.value ?? 0n,
      data,
      gasLimit: parsed.gasLimit,
      maxFeePerGas: parsed.maxFeePerGas,
      maxPriorityFeePerGas: parsed.maxPriorityFeePerGas,
      abi: contract.abi as Abi,
      fields: { args: 'input.args', amount: 'input.value', gasLimit: 'input.gasLimit', fee: 'input.maxFeePerGas' },
    },
    { kind: 'CONTRACT_CALL', ownerId: wallet.ownerId, walletId: wallet.id, contractId: contract.id },
  );
}

export interface EventQuery {
  fromBlock?: bigint | null;
  toBlock?: bigint | null;
  eventName?: string | null;
  first?: number | null;
}

/** Decoded logs of the contract from the network (eth_getLogs), oldest first. */
export async function contractEvents(ctx: Pick<Context, 'chain'>, contract: ContractRow, query: EventQuery): Promise<DecodedEvent[]> {
  const limit = Math.min(Math.max(query.first ?? 100, 1), 1000);
  const abi = contract.abi as Abi;
  if (query.eventName && !abi.some((item) => item.type === 'event' && item.name === query.eventName)) throw badInput('INVALID_ARGUMENTS', `${contract.name} has no event "${query.eventName}".`, 'eventName');
  try {
    const logs = await ctx.chain.network.client.getLogs({ address: contract.address as Address, fromBlock: query.fromBlock ?? 0n, toBlock: query.toBlock ?? 'latest' });
    return parseEventLogs({ abi, logs, strict: true })
      .map((log) => decodeLog(contract.id, abi, { address: log.address, topics: log.topics, data: log.data, blockNumber: String(log.blockNumber), transactionHash: log.transactionHash, logIndex: log.logIndex }))
      .filter((event): event is DecodedEvent => event !== null && (!query.eventName || event.eventName === query.eventName))
      .slice(0, limit);
  } catch (error) {
    throw toChainError(error, {});
  }
}

export async function listContracts(ctx: Pick<Context, 'auth' | 'loaders'>, ownerId: string, args: PageArgs): Promise<Connection<ContractRow>> {
  ctx.auth.require('chain:read');
  ctx.auth.requireOwnerOrAdmin(ownerId, 'contracts');
  return loadPage(ctx.loaders.contractPage, ctx.loaders.contractById, ownerId, args);
}

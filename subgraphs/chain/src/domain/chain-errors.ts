import { AppError, type ErrorCode } from '@mosaic/kit';
import {
  AbiDecodingDataSizeTooSmallError,
  AbiEncodingArrayLengthMismatchError,
  AbiEncodingLengthMismatchError,
  AbiFunctionNotFoundError,
  BaseError,
  ContractFunctionRevertedError,
  ExecutionRevertedError,
  FeeCapTooLowError,
  HttpRequestError,
  InsufficientFundsError,
  IntegerOutOfRangeError,
  IntrinsicGasTooLowError,
  InvalidAddressError,
  NonceTooLowError,
  TimeoutError,
  WebSocketRequestError,
  decodeErrorResult,
  isHex,
  type Abi,
  type Hex,
} from 'viem';

/**
 * Why a chain operation was refused, for clients that must act differently on each (top up the
 * wallet, fix the arguments, wait for the network…). Sent as `extensions.reason` beside the code.
 */
export type ChainFailure =
  | 'INVALID_ADDRESS'
  | 'INSUFFICIENT_FUNDS'
  | 'GAS_LIMIT_OUT_OF_RANGE'
  | 'FEE_TOO_LOW'
  | 'EXECUTION_REVERTED'
  | 'INVALID_ARGUMENTS'
  | 'CHAIN_ID_MISMATCH'
  | 'WATCH_ONLY_WALLET'
  | 'NOT_PENDING'
  | 'REPLACEMENT_UNDERPRICED'
  | 'COMPILATION_FAILED'
  | 'NETWORK_UNAVAILABLE';

export class ChainError extends AppError {
  readonly code: ErrorCode;
  constructor(code: ErrorCode, reason: ChainFailure, message: string, extensions: Record<string, unknown> = {}) {
    super(message, { reason, ...extensions }, code);
    this.code = code;
  }
}

export const badInput = (reason: ChainFailure, message: string, field: string, extensions: Record<string, unknown> = {}) =>
  new ChainError('BAD_USER_INPUT', reason, message, { field, ...extensions });

export const networkUnavailable = (detail: string) =>
  new ChainError('UNAVAILABLE', 'NETWORK_UNAVAILABLE', `The blockchain network could not be reached (${detail}). Nothing was sent; try again later.`);

type NodeErrorType = (new (...args: never[]) => Error) & { nodeMessage?: RegExp };

/**
 * Whether viem's error (or any cause) is of this kind: by class when viem classified it (the
 * wallet actions do), or by the node's message (what `sendRawTransaction` passes through as is).
 */
export function isNodeError(error: unknown, type: NodeErrorType): boolean {
  if (!(error instanceof BaseError)) return false;
  return error.walk((e) => e instanceof type || (type.nodeMessage !== undefined && type.nodeMessage.test((e as BaseError).details ?? (e as Error).message))) !== null;
}

/** The revert data a node returned with an error (JSON-RPC `error.data`), wherever viem keeps it. */
function revertData(error: BaseError): Hex | null {
  const holder = error.walk((e) => typeof (e as { data?: unknown }).data === 'string' && isHex((e as { data: string }).data));
  return holder ? (holder as unknown as { data: Hex }).data : null;
}

/** A custom error (or Error(string)) from the contract's ABI, as `Name(arg, …)`. */
export function decodeRevertData(abi: Abi, data: Hex): string | null {
  try {
    const decoded = decodeErrorResult({ abi, data });
    if (decoded.errorName === 'Error') return String(decoded.args?.[0]);
    return `${decoded.errorName}(${(decoded.args ?? []).map(String).join(', ')})`;
  } catch {
    return null;
  }
}

/**
 * A revert's reason in words: with the contract's ABI, its custom error and arguments; otherwise
 * what viem decoded (require messages, panics) or the node's words.
 */
export function describeRevert(error: BaseError, abi?: Abi): string | null {
  const data = abi ? revertData(error) : null;
  const decoded = data && abi ? decodeRevertData(abi, data) : null;
  if (decoded) return decoded;
  const reverted = error.walk((e) => e instanceof ContractFunctionRevertedError);
  if (reverted instanceof ContractFunctionRevertedError) {
    if (reverted.data) return `${reverted.data.errorName}(${(reverted.data.args ?? []).map(String).join(', ')})`;
    if (reverted.reason) return reverted.reason;
  }
  const execution = error.walk((e) => e instanceof ExecutionRevertedError);
  if (execution instanceof ExecutionRevertedError) return execution.details?.replace(/^execution reverted:?\s*/, '') || 'execution reverted';
  return null;
}

/**
 * viem's errors (from the network or from ABI encoding) as the client-facing errors. `fields`
 * says which input field each kind of problem points at for this operation.
 */
export function toChainError(error: unknown, fields: { args?: string; amount?: string; functionName?: string; gasLimit?: string; fee?: string }, abi?: Abi): unknown {
  if (!(error instanceof BaseError)) return error;
  const find = (type: NodeErrorType) => isNodeError(error, type);
  if (find(InsufficientFundsError)) return badInput('INSUFFICIENT_FUNDS', 'The wallet cannot pay for this transaction (amount plus gas at the maximum fee). Top it up or send less.', fields.amount ?? 'input.amount');
  if (find(IntrinsicGasTooLowError)) return badInput('GAS_LIMIT_OUT_OF_RANGE', 'The gas limit is below what this transaction needs; omit it to have it estimated.', fields.gasLimit ?? 'input.gasLimit');
  if (find(FeeCapTooLowError)) return badInput('FEE_TOO_LOW', 'maxFeePerGas is below the network base fee; raise it or omit it to have it estimated.', fields.fee ?? 'input.maxFeePerGas');
  if (find(AbiFunctionNotFoundError)) return badInput('INVALID_ARGUMENTS', `The contract's ABI has no such function.`, fields.functionName ?? 'input.functionName');
  if (find(InvalidAddressError) || find(IntegerOutOfRangeError) || find(AbiEncodingLengthMismatchError) || find(AbiEncodingArrayLengthMismatchError) || find(AbiDecodingDataSizeTooSmallError)) {
    return badInput('INVALID_ARGUMENTS', `The arguments do not match the ABI: ${error.shortMessage}`, fields.args ?? 'input.args');
  }
  const revert = describeRevert(error, abi);
  if (revert !== null) return badInput('EXECUTION_REVERTED', `The transaction would revert: ${revert}. Nothing was sent.`, fields.args ?? 'input', { revertReason: revert });
  if (find(HttpRequestError) || find(TimeoutError) || find(WebSocketRequestError)) return networkUnavailable(error.shortMessage);
  if (/replacement transaction underpriced/i.test(error.message)) {
    return new ChainError('CONFLICT', 'REPLACEMENT_UNDERPRICED', 'The network wants higher fees to replace this transaction; try a larger feeBumpPercent.');
  }
  if (find(NonceTooLowError)) return new ChainError('CONFLICT', 'NOT_PENDING', 'That nonce is already used on the network: the transaction was mined or replaced.');
  return error;
}

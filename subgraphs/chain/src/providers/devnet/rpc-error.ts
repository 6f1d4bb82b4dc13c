/**
 * A JSON-RPC error as Ethereum nodes send it (`{ code, message, data? }`). The messages are geth's
 * wording, which clients such as viem recognise (nonce too low, insufficient funds, …), so the
 * offline network and a real node fail the same way.
 */
export class RpcError extends Error {
  constructor(
    readonly code: number,
    message: string,
    readonly data?: string,
  ) {
    super(message);
  }

  toJSON(): { code: number; message: string; data?: string } {
    return this.data === undefined ? { code: this.code, message: this.message } : { code: this.code, message: this.message, data: this.data };
  }
}

export const invalidParams = (message: string) => new RpcError(-32602, message);
export const methodNotFound = (method: string) => new RpcError(-32601, `the method ${method} does not exist/is not available`);
/** Transaction rejected by the pool (geth uses -32000 for all of them). */
export const rejected = (message: string) => new RpcError(-32000, message);
/** EIP-1474 / geth: code 3 and the revert data for a call that reverted. */
export const executionReverted = (data: string, reason?: string) => new RpcError(3, reason ? `execution reverted: ${reason}` : 'execution reverted', data);

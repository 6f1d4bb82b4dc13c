import { bytesToHex, hexToBytes } from '@ethereumjs/util';

/** JSON-RPC quantities: hex without leading zeros. */
export const quantity = (value: bigint | number): string => `0x${BigInt(value).toString(16)}`;
export const data = (bytes: Uint8Array): string => bytesToHex(bytes);
export const bytesOf = (hex: string): Uint8Array => hexToBytes(hex as `0x${string}`);

export function parseQuantity(value: unknown, name: string): bigint {
  if (typeof value !== 'string' || !/^0x[0-9a-fA-F]+$/.test(value)) throw new TypeError(`${name} must be a hex quantity`);
  return BigInt(value);
}

export function parseData(value: unknown, name: string): string {
  if (typeof value !== 'string' || !/^0x([0-9a-fA-F]{2})*$/.test(value)) throw new TypeError(`${name} must be hex data`);
  return value.toLowerCase();
}

export function parseAddress(value: unknown, name: string): string {
  if (typeof value !== 'string' || !/^0x[0-9a-fA-F]{40}$/.test(value)) throw new TypeError(`${name} must be a 20-byte hex address`);
  return value.toLowerCase();
}

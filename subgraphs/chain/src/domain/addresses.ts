import { getAddress, isAddress, type Address } from 'viem';
import { badInput } from './chain-errors';

/**
 * An address from input: 0x + 40 hex digits; a mixed-case one must match its EIP-55 checksum
 * (a typo in one character is then caught instead of sending to a wrong address). Returned in
 * checksum form.
 */
export function parseAddress(value: string, field: string): Address {
  const trimmed = value.trim();
  if (!/^0x[0-9a-fA-F]{40}$/.test(trimmed)) {
    throw badInput('INVALID_ADDRESS', `"${value}" is not an address: expected 0x followed by 40 hexadecimal digits.`, field);
  }
  if (!isAddress(trimmed, { strict: true })) {
    throw badInput('INVALID_ADDRESS', `"${value}" fails its EIP-55 checksum (mixed-case letters do not match): check it for typos, or send it all lower-case.`, field);
  }
  return getAddress(trimmed);
}

/** Stored (lower-case) to displayed (checksum) form. */
export const displayAddress = (stored: string): Address => getAddress(stored);

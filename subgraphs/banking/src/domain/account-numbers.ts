import { randomInt } from 'node:crypto';

/**
 * Account numbers: 16 digits, the last a Luhn check digit so a mistyped digit is
 * caught before any lookup. Printed in groups of four ("4000 1234 5678 9010"); accepted with or
 * without spaces and dashes.
 */
const LENGTH = 16;

function luhnDigit(body: string): number {
  let sum = 0;
  for (let i = 0; i < body.length; i++) {
    let digit = Number(body[body.length - 1 - i]);
    if (i % 2 === 0) digit = digit * 2 > 9 ? digit * 2 - 9 : digit * 2;
    sum += digit;
  }
  return (10 - (sum % 10)) % 10;
}

export function generateAccountNumber(): string {
  let body = String(randomInt(1, 10));
  while (body.length < LENGTH - 1) body += String(randomInt(0, 10));
  return body + String(luhnDigit(body));
}

/** The canonical digits, or null when it is not a well-formed account number. */
export function normaliseAccountNumber(input: string): string | null {
  const digits = input.replace(/[\s-]/g, '');
  if (!/^\d+$/.test(digits) || digits.length !== LENGTH) return null;
  return luhnDigit(digits.slice(0, -1)) === Number(digits.at(-1)) ? digits : null;
}

export const formatAccountNumber = (digits: string) => digits.replace(/(\d{4})(?=\d)/g, '$1 ');
export const maskAccountNumber = (digits: string) => `•••• ${digits.slice(-4)}`;

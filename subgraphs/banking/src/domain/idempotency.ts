import { createHash } from 'node:crypto';
import { z } from 'zod';

export const idempotencyKey = z.string().min(1, 'must not be empty').max(100, 'must be at most 100 characters');

/**
 * The request's fingerprint, stored with the transfer: a retry with the same key must carry the
 * same body (operation, accounts, amount, reference, hold), or it is refused.
 */
export function requestHash(operation: string, body: Record<string, string | boolean | null>): string {
  const canonical = JSON.stringify([operation, ...Object.keys(body).sort().map((key) => [key, body[key]])]);
  return createHash('sha256').update(canonical).digest('base64url');
}

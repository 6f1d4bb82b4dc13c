import { createHash } from 'node:crypto';
import { RateLimitedError } from '@mosaic/kit';
import type { Context } from '../context';
import { emptyBuckets, giveBack, takeFromBuckets, type Bucket } from '../data/attempt-buckets-repo';
import { attemptSource } from './client-network';

/**
 * Soft lockout (OWASP ASVS 2.2.1) with leaky buckets instead of a lock that can be kept on
 * forever: every bucket drains continuously, so a slow trickle of wrong guesses never locks anyone.
 *
 * - per email and source network: 5 attempts, then one every 3 minutes. What an attacker from one
 *   place can try against one account — and all they lock: the owner elsewhere is unaffected.
 * - per email, from anywhere: 20 attempts, then one every 3 minutes (≤ 40 wrong guesses an hour,
 *   well under ASVS's 100). Locking an owner out everywhere takes many networks at once.
 * - per source network, any email: 100 attempts, then one every 36 seconds (100 an hour). Stops
 *   one place from spraying passwords over many accounts.
 *
 * Buckets are keyed by the normalised email's hash, never by whether an account exists: an unknown
 * email is limited exactly like a known one, so RATE_LIMITED says nothing about existence.
 */
const PER_EMAIL_AND_SOURCE = { capacity: 5, drainSeconds: 180 };
const PER_EMAIL = { capacity: 20, drainSeconds: 180 };
const PER_SOURCE = { capacity: 100, drainSeconds: 36 };

/** Second-factor codes: 5 tries, then one every 5 minutes, per account (a million codes, 3 valid at a time). */
const CODES_PER_ACCOUNT = { capacity: 5, drainSeconds: 300 };

type ThrottleContext = Pick<Context, 'db' | 'now' | 'client'>;

const digest = (value: string) => createHash('sha256').update(value).digest('base64url').slice(0, 32);

function signInBuckets(ctx: ThrottleContext, normalizedEmail: string): { emailSource: Bucket; email: Bucket; source: Bucket } {
  const email = digest(normalizedEmail);
  const source = attemptSource(ctx.client.ip);
  return {
    emailSource: { key: `signin:email-source:${email}:${source}`, ...PER_EMAIL_AND_SOURCE },
    email: { key: `signin:email:${email}`, ...PER_EMAIL },
    source: { key: `signin:source:${source}`, ...PER_SOURCE },
  };
}

const tooMany = (retryAfterSeconds: number) => {
  const minutes = Math.max(1, Math.ceil(retryAfterSeconds / 60));
  return new RateLimitedError(`Too many failed sign-in attempts. Try again in ${minutes} minute${minutes === 1 ? '' : 's'}.`, retryAfterSeconds);
};

/** Counts a sign-in attempt before the password is checked; RATE_LIMITED when any budget is spent. */
export async function reserveSignInAttempt(ctx: ThrottleContext, normalizedEmail: string): Promise<void> {
  const buckets = signInBuckets(ctx, normalizedEmail);
  const taken = await takeFromBuckets(ctx.db, [buckets.emailSource, buckets.email, buckets.source], ctx.now());
  if (!taken.ok) throw tooMany(taken.retryAfterSeconds);
}

/** The right password: the owner's own mistakes are forgiven; the shared source budget gets its unit back. */
export async function signInSucceeded(ctx: ThrottleContext, normalizedEmail: string): Promise<void> {
  const buckets = signInBuckets(ctx, normalizedEmail);
  await emptyBuckets(ctx.db, [buckets.emailSource.key, buckets.email.key]);
  await giveBack(ctx.db, buckets.source.key);
}

const codeBucket = (userId: string): Bucket => ({ key: `code:${userId}`, ...CODES_PER_ACCOUNT });

export async function reserveCodeAttempt(ctx: Pick<Context, 'db' | 'now'>, userId: string): Promise<void> {
  const taken = await takeFromBuckets(ctx.db, [codeBucket(userId)], ctx.now());
  if (!taken.ok) {
    const minutes = Math.max(1, Math.ceil(taken.retryAfterSeconds / 60));
    throw new RateLimitedError(`Too many wrong codes. Try again in ${minutes} minute${minutes === 1 ? '' : 's'}.`, taken.retryAfterSeconds);
  }
}

export const codeSucceeded = (ctx: Pick<Context, 'db'>, userId: string) => emptyBuckets(ctx.db, [codeBucket(userId).key]);

/** Mail on request (sign-up codes, password resets): 3 per email, then one per 10 minutes; 20 per network. */
const MAIL_PER_EMAIL = { capacity: 3, drainSeconds: 600 };
const MAIL_PER_SOURCE = { capacity: 20, drainSeconds: 180 };

/** Counts a request that mails an address, keyed like sign-in (never by whether an account exists). */
export async function reserveMailRequest(ctx: ThrottleContext, purpose: 'sign-up' | 'password-reset', normalizedEmail: string): Promise<void> {
  const source = attemptSource(ctx.client.ip);
  const taken = await takeFromBuckets(
    ctx.db,
    [
      { key: `mail:${purpose}:email:${digest(normalizedEmail)}`, ...MAIL_PER_EMAIL },
      { key: `mail:source:${source}`, ...MAIL_PER_SOURCE },
    ],
    ctx.now(),
  );
  if (!taken.ok) {
    const minutes = Math.max(1, Math.ceil(taken.retryAfterSeconds / 60));
    throw new RateLimitedError(`Too many emails asked for. Try again in ${minutes} minute${minutes === 1 ? '' : 's'}.`, taken.retryAfterSeconds);
  }
}

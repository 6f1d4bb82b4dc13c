import { verify } from '@node-rs/argon2';
import { LRUCache } from 'lru-cache';

const ATTEMPTS = 10;
const WINDOW_MS = 15 * 60_000;

/**
 * Password checks for protected links, with a bound on guessing: 10 wrong passwords per link and
 * network (the anonymised address) per 15 minutes, then 429 until the window passes.
 */
export class PasswordGate {
  private readonly failures = new LRUCache<string, number>({ max: 100_000, ttl: WINDOW_MS });

  blocked(linkId: string, network: string): boolean {
    return (this.failures.get(`${linkId} ${network}`) ?? 0) >= ATTEMPTS;
  }

  async check(linkId: string, network: string, hash: string, password: string): Promise<boolean> {
    const ok = await verify(hash, password).catch(() => false);
    if (!ok) {
      const key = `${linkId} ${network}`;
      // Keep the window started by the first failure.
      this.failures.set(key, (this.failures.get(key) ?? 0) + 1, { noUpdateTTL: true });
    }
    return ok;
  }
}

import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { errorCodes, StatementCounter } from '@mosaic/testing';
import { LOGIN, REGISTER, startAccounts } from './harness';

/** Soft lockout (issue 10 item 5) and no account enumeration through sign-in (item 6). */
const counter = new StatementCounter();
let app: Awaited<ReturnType<typeof startAccounts>>;
beforeAll(async () => {
  app = await startAccounts({ onQuery: counter.observe });
});
afterAll(() => app.close());

const password = 'velvet-otter-lantern';
let n = 0;
const freshEmail = () => `throttle${++n}.${Date.now()}@example.com`;
/** Requests as the gateway forwards them, from a given client address. */
const from = (ip: string) => ({ 'x-mosaic-client-ip': ip });
/** Each test signs in from its own network unless it says otherwise, so budgets do not mix. */
let network = 0;
let testIp = '';
beforeEach(() => {
  testIp = `198.51.${++network}.1`;
});
const login = (email: string, secret: string, ip = testIp) => app.call(LOGIN, { input: { email, password: secret } }, undefined, from(ip));
const signUp = async () => {
  const email = freshEmail();
  await app.call(REGISTER, { input: { email, password } });
  return email;
};
const at = <T>(offsetMs: number, run: () => Promise<T>) => app.at(offsetMs, run);
const MINUTE = 60_000;

describe('soft lockout', () => {
  it('after 5 wrong passwords from one network, answers RATE_LIMITED (any spelling), then lets one attempt through every 3 minutes', async () => {
    const email = await signUp();
    for (const spelling of [email, email.toUpperCase(), ` ${email}`, email, email.toUpperCase()]) {
      expect(errorCodes(await login(spelling, 'wrong-password-1'))).toEqual(['UNAUTHENTICATED']);
    }
    const locked = await login(email, password);
    expect(errorCodes(locked)).toEqual(['RATE_LIMITED']);
    expect(locked.errors![0]!.message).toMatch(/Try again in 3 minutes/);
    expect(locked.errors![0]!.extensions!.retryAfterSeconds).toBeGreaterThan(170);
    // The budget refills continuously: after 3 minutes exactly one more attempt is allowed.
    await at(3 * MINUTE + 1000, async () => {
      expect(errorCodes(await login(email, 'wrong-password-1'))).toEqual(['UNAUTHENTICATED']);
      expect(errorCodes(await login(email, password))).toEqual(['RATE_LIMITED']);
    });
    expect((await at(6 * MINUTE + 2000, () => login(email, password))).errors).toBeUndefined();
  });

  it('a wrong attempt every 15 minutes never keeps the account locked (the old lock could be held forever)', async () => {
    const email = await signUp();
    for (let i = 0; i < 12; i++) {
      expect(errorCodes(await at(i * 15 * MINUTE, () => login(email, 'wrong-password-2')))).toEqual(['UNAUTHENTICATED']);
    }
    expect((await at(12 * 15 * MINUTE, () => login(email, password))).errors).toBeUndefined();
  });

  it('an attacker locks only their own network out: the owner signs in from elsewhere', async () => {
    const email = await signUp();
    for (let i = 0; i < 5; i++) await login(email, 'wrong-password-3', '203.0.113.66');
    expect(errorCodes(await login(email, password, '203.0.113.66'))).toEqual(['RATE_LIMITED']);
    expect((await login(email, password, '192.0.2.10')).errors).toBeUndefined();
  });

  it('many networks together lock the account everywhere after 20 wrong passwords (distributed guessing)', async () => {
    const email = await signUp();
    for (let i = 0; i < 20; i++) expect(errorCodes(await login(email, 'wrong-password-4', `10.${i}.0.1`))).toEqual(['UNAUTHENTICATED']);
    expect(errorCodes(await login(email, password, '192.0.2.77'))).toEqual(['RATE_LIMITED']);
  });

  it('counts parallel attempts atomically: of 12 concurrent wrong guesses only 5 reach the password check', async () => {
    const email = await signUp();
    const results = await Promise.all(Array.from({ length: 12 }, () => login(email, 'wrong-password-5', '198.51.100.99')));
    const codes = results.flatMap(errorCodes);
    expect(codes.filter((c) => c === 'UNAUTHENTICATED')).toHaveLength(5);
    expect(codes.filter((c) => c === 'RATE_LIMITED')).toHaveLength(7);
  });

  it('forgives the owner their own mistakes once they sign in', async () => {
    const email = await signUp();
    for (let i = 0; i < 4; i++) await login(email, 'wrong-password-6');
    expect((await login(email, password)).errors).toBeUndefined();
    for (let i = 0; i < 4; i++) await login(email, 'wrong-password-6');
    expect((await login(email, password)).errors).toBeUndefined();
  });

  it('limits one network spraying passwords over many accounts (100 failures, then RATE_LIMITED for any email)', async () => {
    const ip = '2001:db8:77::1';
    for (let i = 0; i < 100; i++) expect(errorCodes(await login(`sprayed${i}@example.com`, 'Summer2026!!', ip))).toEqual(['UNAUTHENTICATED']);
    expect(errorCodes(await login(await signUp(), password, ip))).toEqual(['RATE_LIMITED']);
    // The same /64 is the same source; another /64 is not.
    expect(errorCodes(await login('sprayed0@example.com', 'x', '2001:db8:77::ffff'))).toEqual(['RATE_LIMITED']);
    expect(errorCodes(await login('sprayed0@example.com', 'x', '2001:db8:78::1'))).toEqual(['UNAUTHENTICATED']);
  }, 60_000);
});

describe('no account enumeration through sign-in', () => {
  it('answers an unknown email exactly like a wrong password: same code, same message', async () => {
    const email = await signUp();
    const known = await login(email, 'wrong-password-7');
    const unknown = await login(`nobody.${Date.now()}@example.com`, 'wrong-password-7');
    expect(errorCodes(unknown)).toEqual(['UNAUTHENTICATED']);
    expect(unknown.errors![0]!.message).toBe(known.errors![0]!.message);
    expect(unknown.status).toBe(known.status);
  });

  it('locks an unknown email exactly like a known one (RATE_LIMITED says nothing about existence)', async () => {
    const known = await signUp();
    const unknown = `ghost.${Date.now()}@example.com`;
    const answers = async (email: string) => {
      const seen = [];
      for (let i = 0; i < 6; i++) {
        const result = await login(email, 'wrong-password-8', '198.51.100.42');
        seen.push([errorCodes(result)[0], result.errors![0]!.message, result.errors![0]!.extensions!.retryAfterSeconds ?? null]);
      }
      return seen;
    };
    const [forKnown, forUnknown] = [await answers(known), await answers(unknown)];
    expect(forUnknown.map((a) => a.slice(0, 2))).toEqual(forKnown.map((a) => a.slice(0, 2)));
    expect(forUnknown.at(-1)![0]).toBe('RATE_LIMITED');
  });

  it('does the same work for unknown and known emails: the same SQL statements (and, by construction, one Argon2 verification)', async () => {
    const email = await signUp();
    await login(email, 'warm-up-password'); // first use hashes the dummy password once
    const statementsFor = async (address: string) => {
      counter.reset();
      await login(address, 'wrong-password-9', '198.51.100.200');
      return counter.statements.map((s) => s.replace(/\$\d+/g, '?'));
    };
    const known = await statementsFor(email);
    const unknown = await statementsFor(`nobody.else.${Date.now()}@example.com`);
    expect(unknown).toEqual(known);
    expect(known.length).toBeGreaterThan(0);
  });
});

import { describe, expect, it } from 'vitest';
import { createEnvelopeCipher, generateFieldKey, parseFieldKeys } from '../src/index';

const keys = (...ids: string[]) => parseFieldKeys(JSON.stringify(ids.map((id) => generateFieldKey(id))), 'KEYS');

describe('envelope encryption', () => {
  const [older] = keys('kek-1');
  const [newer] = keys('kek-2');

  it('seals with a fresh data key each time and opens only with the same context', () => {
    const cipher = createEnvelopeCipher([older!]);
    const a = cipher.seal('seed bytes', 'wallet:1');
    const b = cipher.seal('seed bytes', 'wallet:1');
    expect(a).not.toBe(b);
    expect(a).not.toContain('seed');
    expect(cipher.keyIdOf(a)).toBe('kek-1');
    expect(cipher.open(a, 'wallet:1').toString()).toBe('seed bytes');
    expect(() => cipher.open(a, 'wallet:2')).toThrow();
  });

  it('rotation re-wraps the data key under the active KEK and keeps the ciphertext', () => {
    const sealed = createEnvelopeCipher([older!]).seal('secret', 'ctx');
    const rotated = createEnvelopeCipher([newer!, older!]);
    const rewrapped = rotated.rewrap(sealed, 'ctx')!;
    expect(rotated.keyIdOf(rewrapped)).toBe('kek-2');
    expect(rewrapped.split('.')[3]).toBe(sealed.split('.')[3]);
    expect(rotated.rewrap(rewrapped, 'ctx')).toBeNull();
    const onlyNew = createEnvelopeCipher([newer!]);
    expect(onlyNew.open(rewrapped, 'ctx').toString()).toBe('secret');
    expect(() => onlyNew.open(sealed, 'ctx')).toThrow(/"kek-1" is configured/);
  });

  it('refuses bad keys and tampered values', () => {
    expect(() => createEnvelopeCipher([])).toThrow(/at least one/);
    expect(() => createEnvelopeCipher([{ id: 'x', key: Buffer.alloc(16) }])).toThrow(/32 bytes/);
    const cipher = createEnvelopeCipher([older!]);
    const parts = cipher.seal('secret', 'ctx').split('.');
    const body = Buffer.from(parts[3]!, 'base64url');
    body[body.length - 1]! ^= 1;
    expect(() => cipher.open([...parts.slice(0, 3), body.toString('base64url')].join('.'), 'ctx')).toThrow();
  });
});

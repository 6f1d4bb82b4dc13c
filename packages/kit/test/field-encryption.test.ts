import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createFieldCipher, generateFieldKey, loadFieldKeys, parseFieldKeys } from '../src/index';

const keysOf = (...ids: string[]) => parseFieldKeys(JSON.stringify(ids.map(generateFieldKey)), 'TEST_KEYS');

describe('field encryption', () => {
  it('round-trips with the record as associated data, and a fresh IV every time', () => {
    const cipher = createFieldCipher(keysOf('k1'));
    const a = cipher.encrypt('JBSWY3DPEHPK3PXP', 'user:1');
    const b = cipher.encrypt('JBSWY3DPEHPK3PXP', 'user:1');
    expect(a).not.toBe(b);
    expect(a).not.toContain('JBSWY3DPEHPK3PXP');
    expect(cipher.decrypt(a, 'user:1').toString()).toBe('JBSWY3DPEHPK3PXP');
    expect(cipher.keyIdOf(a)).toBe('k1');
  });

  it('refuses a value moved to another record or tampered with', () => {
    const cipher = createFieldCipher(keysOf('k1'));
    const stored = cipher.encrypt('secret', 'user:1');
    expect(() => cipher.decrypt(stored, 'user:2')).toThrow();
    const parts = stored.split('.');
    parts[3] = Buffer.from('sEcret').toString('base64url');
    expect(() => cipher.decrypt(parts.join('.'), 'user:1')).toThrow();
    expect(() => cipher.decrypt('garbage', 'user:1')).toThrow(/Not an encrypted field value/);
  });

  it('rotates: new values use the first key, old ones still decrypt with theirs', () => {
    const [oldKey] = keysOf('old');
    const before = createFieldCipher([oldKey!]).encrypt('secret', 'r');
    const rotated = createFieldCipher([...keysOf('new'), oldKey!]);
    expect(rotated.decrypt(before, 'r').toString()).toBe('secret');
    expect(rotated.keyIdOf(rotated.encrypt('secret', 'r'))).toBe('new');
    expect(() => createFieldCipher(keysOf('new')).decrypt(before, 'r')).toThrow(/No field encryption key "old"/);
    const moved = rotated.reencrypt(before, 'r')!;
    expect(rotated.keyIdOf(moved)).toBe('new');
    expect(rotated.decrypt(moved, 'r').toString()).toBe('secret');
    expect(rotated.reencrypt(moved, 'r')).toBeNull();
  });

  it('generates a development key once, and requires configured keys in production', () => {
    const dir = mkdtempSync(join(tmpdir(), 'field-keys-'));
    const source = { variable: 'X_KEYS', production: false, devKeysDir: dir, devKeyFile: 'x.DEV-ONLY.json' };
    const first = loadFieldKeys(source);
    expect(loadFieldKeys(source)[0]!.key.equals(first[0]!.key)).toBe(true);
    expect(readFileSync(join(dir, 'x.DEV-ONLY.json'), 'utf8')).toMatch(/DEVELOPMENT KEY/);
    expect(() => loadFieldKeys({ ...source, production: true })).toThrow(/X_KEYS must be set in production/);
    expect(() => createFieldCipher([{ id: 'short', key: Buffer.alloc(16) }])).toThrow(/32 bytes/);
  });
});

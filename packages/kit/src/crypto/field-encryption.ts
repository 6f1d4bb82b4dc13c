import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Encryption of individual secret fields at rest (TOTP seeds, account numbers, wallet keys):
 * AES-256-GCM with a random 96-bit IV per value, the key's id stored beside the ciphertext so keys
 * can rotate (new values use the first key, old values still decrypt with theirs), and the
 * record's identity as additional authenticated data so a ciphertext copied onto another row
 * fails to decrypt.
 *
 * Stored form: `v1.<keyId>.<iv>.<ciphertext>.<tag>` (base64url parts).
 */
export interface FieldKey {
  id: string;
  /** 32 bytes. */
  key: Buffer;
}

export interface FieldCipher {
  /** Id of the key new values are encrypted with. */
  readonly activeKeyId: string;
  encrypt(plaintext: string | Buffer, context: string): string;
  decrypt(stored: string, context: string): Buffer;
  /** The id of the key a stored value was encrypted with (to find values still under an old key). */
  keyIdOf(stored: string): string;
  /**
   * The value re-encrypted under the active key, or null when it already is: callers rewrite rows
   * lazily (on use) after a rotation, until no value needs the old key.
   */
  reencrypt(stored: string, context: string): string | null;
}

const VERSION = 'v1';

export function createFieldCipher(keys: readonly FieldKey[]): FieldCipher {
  if (keys.length === 0) throw new Error('Field encryption needs at least one key.');
  for (const { id, key } of keys) {
    if (key.length !== 32) throw new Error(`Field encryption key "${id}" must be 32 bytes (AES-256).`);
    if (!/^[\w-]{1,64}$/.test(id)) throw new Error(`Field encryption key id "${id}" must be 1-64 letters, digits, "_" or "-".`);
  }
  const byId = new Map(keys.map((k) => [k.id, k.key]));
  const active = keys[0]!;
  const parse = (stored: string) => {
    const [version, keyId, iv, ciphertext, tag, ...rest] = stored.split('.');
    if (version !== VERSION || !keyId || !iv || ciphertext === undefined || !tag || rest.length > 0) throw new Error('Not an encrypted field value.');
    return { keyId, iv: Buffer.from(iv, 'base64url'), ciphertext: Buffer.from(ciphertext, 'base64url'), tag: Buffer.from(tag, 'base64url') };
  };
  return {
    activeKeyId: active.id,
    encrypt(plaintext, context) {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', active.key, iv);
      cipher.setAAD(Buffer.from(context));
      const ciphertext = Buffer.concat([cipher.update(plaintext), cipher.final()]);
      return [VERSION, active.id, iv.toString('base64url'), ciphertext.toString('base64url'), cipher.getAuthTag().toString('base64url')].join('.');
    },
    decrypt(stored, context) {
      const { keyId, iv, ciphertext, tag } = parse(stored);
      const key = byId.get(keyId);
      if (!key) throw new Error(`No field encryption key "${keyId}" is configured; it is needed to read this value.`);
      const decipher = createDecipheriv('aes-256-gcm', key, iv);
      decipher.setAAD(Buffer.from(context));
      decipher.setAuthTag(tag);
      return Buffer.concat([decipher.update(ciphertext), decipher.final()]);
    },
    keyIdOf: (stored) => parse(stored).keyId,
    reencrypt(stored, context) {
      return parse(stored).keyId === active.id ? null : this.encrypt(this.decrypt(stored, context), context);
    },
  };
}

/** A new key for an environment variable: `[{"id":"…","key":"<base64 of 32 bytes>"}]`. */
export function generateFieldKey(id: string): { id: string; key: string } {
  return { id, key: randomBytes(32).toString('base64') };
}

/** Parses the JSON form (`[{ "id", "key": base64 }]`, first = active); `name` is the variable, for messages. */
export function parseFieldKeys(json: string, name: string): FieldKey[] {
  let parsed: unknown;
  try {
    parsed = JSON.parse(json);
  } catch {
    throw new Error(`${name} is not valid JSON (expected [{"id": "…", "key": "<base64 of 32 bytes>"}]).`);
  }
  if (!Array.isArray(parsed) || parsed.length === 0) throw new Error(`${name} must be a non-empty JSON array of {"id", "key"}.`);
  return parsed.map((entry: unknown) => {
    const { id, key } = (entry ?? {}) as { id?: unknown; key?: unknown };
    if (typeof id !== 'string' || typeof key !== 'string') throw new Error(`Every ${name} entry needs a string "id" and a base64 "key".`);
    return { id, key: Buffer.from(key, 'base64') };
  });
}

export interface FieldKeysSource {
  /** The configured JSON (an environment variable's value), if any. */
  json?: string | undefined;
  /** The variable's name, for messages. */
  variable: string;
  production: boolean;
  /** Where a development key is generated on first start (outside production only). */
  devKeysDir: string;
  devKeyFile: string;
}

/**
 * The configured keys, or (outside production) a development key generated once into
 * `devKeysDir`, marked DEV-ONLY — the same convention as the dev signing key.
 */
export function loadFieldKeys(source: FieldKeysSource): FieldKey[] {
  if (source.json) return parseFieldKeys(source.json, source.variable);
  if (source.production) throw new Error(`${source.variable} must be set in production.`);
  const file = join(source.devKeysDir, source.devKeyFile);
  if (existsSync(file)) return parseFieldKeys(JSON.stringify((JSON.parse(readFileSync(file, 'utf8')) as { keys: unknown }).keys), file);
  const key = generateFieldKey(`dev-${Date.now().toString(36)}`);
  mkdirSync(source.devKeysDir, { recursive: true });
  const warning = `DEVELOPMENT KEY generated by Mosaic on first start. Never use it in production: set ${source.variable}.`;
  writeFileSync(file, JSON.stringify({ warning, keys: [key] }, null, 2), { mode: 0o600 });
  return parseFieldKeys(JSON.stringify([key]), file);
}

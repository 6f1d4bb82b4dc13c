import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import type { FieldKey } from './field-encryption';

/**
 * Envelope encryption for secrets at rest (wallet seeds): each value gets its own random 256-bit
 * data key (AES-256-GCM), and that data key is stored wrapped (AES-256-GCM again) by a
 * key-encryption key (KEK). KEKs are configured like field keys (`loadFieldKeys`: JSON
 * `[{ "id", "key" }]`, the first active, a marked development key outside production). A record
 * carries its KEK's id, so rotating re-wraps only the small data keys (`rewrap`) and leaves the
 * ciphertexts alone; an old KEK can be removed once no record names it. `context` (e.g.
 * "table:row-id") is authenticated data: a value copied onto another record does not open.
 *
 * Stored form: `e1.<kekId>.<wrapped data key>.<ciphertext>` (base64url parts; each sealed part is
 * IV ‖ tag ‖ bytes).
 */
export interface EnvelopeCipher {
  /** Id of the KEK new values are wrapped with. */
  readonly activeKeyId: string;
  seal(plaintext: string | Buffer, context: string): string;
  open(sealed: string, context: string): Buffer;
  /** The id of the KEK a sealed value's data key is wrapped with. */
  keyIdOf(sealed: string): string;
  /** The value with its data key re-wrapped under the active KEK (ciphertext unchanged), or null when it already is. */
  rewrap(sealed: string, context: string): string | null;
}

const VERSION = 'e1';
const IV_BYTES = 12;
const TAG_BYTES = 16;

function gcmSeal(key: Buffer, plaintext: Buffer, aad: string): Buffer {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(Buffer.from(aad));
  const body = Buffer.concat([cipher.update(plaintext), cipher.final()]);
  return Buffer.concat([iv, cipher.getAuthTag(), body]);
}

function gcmOpen(key: Buffer, sealed: Buffer, aad: string): Buffer {
  const decipher = createDecipheriv('aes-256-gcm', key, sealed.subarray(0, IV_BYTES));
  decipher.setAAD(Buffer.from(aad));
  decipher.setAuthTag(sealed.subarray(IV_BYTES, IV_BYTES + TAG_BYTES));
  return Buffer.concat([decipher.update(sealed.subarray(IV_BYTES + TAG_BYTES)), decipher.final()]);
}

/** The data key is bound to the KEK and the record: unwrapping it under another context fails. */
const wrapContext = (kekId: string, context: string) => `${VERSION}:${kekId}:${context}`;

export function createEnvelopeCipher(keks: readonly FieldKey[]): EnvelopeCipher {
  if (keks.length === 0) throw new Error('Envelope encryption needs at least one key-encryption key.');
  for (const { id, key } of keks) {
    if (key.length !== 32) throw new Error(`Key-encryption key "${id}" must be 32 bytes (AES-256).`);
    if (!/^[\w-]{1,64}$/.test(id)) throw new Error(`Key-encryption key id "${id}" must be 1-64 letters, digits, "_" or "-".`);
  }
  const byId = new Map(keks.map((k) => [k.id, k.key]));
  const active = keks[0]!;
  const parse = (sealed: string) => {
    const [version, kekId, wrapped, body, ...rest] = sealed.split('.');
    if (version !== VERSION || !kekId || !wrapped || !body || rest.length > 0) throw new Error('Not an envelope-encrypted value.');
    const kek = byId.get(kekId);
    if (!kek) throw new Error(`No key-encryption key "${kekId}" is configured; it is needed to read this value.`);
    return { kekId, kek, wrapped: Buffer.from(wrapped, 'base64url'), body };
  };
  const withDataKey = <T>(dataKey: Buffer, use: (key: Buffer) => T): T => {
    try {
      return use(dataKey);
    } finally {
      dataKey.fill(0);
    }
  };
  return {
    activeKeyId: active.id,
    seal(plaintext, context) {
      return withDataKey(randomBytes(32), (dataKey) =>
        [VERSION, active.id, gcmSeal(active.key, dataKey, wrapContext(active.id, context)).toString('base64url'), gcmSeal(dataKey, Buffer.from(plaintext), context).toString('base64url')].join('.'),
      );
    },
    open(sealed, context) {
      const { kekId, kek, wrapped, body } = parse(sealed);
      return withDataKey(gcmOpen(kek, wrapped, wrapContext(kekId, context)), (dataKey) => gcmOpen(dataKey, Buffer.from(body, 'base64url'), context));
    },
    keyIdOf: (sealed) => sealed.split('.')[1] ?? '',
    rewrap(sealed, context) {
      const { kekId, kek, wrapped, body } = parse(sealed);
      if (kekId === active.id) return null;
      return withDataKey(gcmOpen(kek, wrapped, wrapContext(kekId, context)), (dataKey) =>
        [VERSION, active.id, gcmSeal(active.key, dataKey, wrapContext(active.id, context)).toString('base64url'), body].join('.'),
      );
    },
  };
}

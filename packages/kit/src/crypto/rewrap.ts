import type { EnvelopeCipher } from './envelope';

/** One envelope-sealed field of a record, with the context it was sealed under. */
export interface SealedField {
  name: string;
  sealed: string | null;
  context: string;
}

export interface RewrapSource<R> {
  /** Up to `limit` records whose data keys are not wrapped by `activeKeyId` yet. */
  findBatch(activeKeyId: string, limit: number): Promise<R[]>;
  fields(record: R): SealedField[];
  /**
   * Stores the re-wrapped values (by field name) and the new key id — only if the record still
   * carries the key it was read with (a concurrent writer wins); answers whether it stored them.
   */
  save(record: R, rewrapped: Record<string, string | null>, keyId: string): Promise<boolean>;
}

/**
 * The key-rotation loop shared by every subgraph with envelope-encrypted records: re-wraps each
 * record's data keys with the active key-encryption key, leaving the ciphertexts as they are,
 * batch by batch until none is left under an old key. Safe to re-run and to run beside the
 * services: a record changed meanwhile is skipped by `save` and found again if still old.
 */
export async function rewrapRecords<R>(envelope: EnvelopeCipher, source: RewrapSource<R>, batch = 200): Promise<{ rewrapped: number }> {
  let rewrapped = 0;
  for (;;) {
    const records = await source.findBatch(envelope.activeKeyId, batch);
    if (records.length === 0) return { rewrapped };
    let saved = 0;
    for (const record of records) {
      const values = Object.fromEntries(source.fields(record).map(({ name, sealed, context }) => [name, sealed === null ? null : (envelope.rewrap(sealed, context) ?? sealed)]));
      if (await source.save(record, values, envelope.activeKeyId)) saved += 1;
    }
    rewrapped += saved;
    // Nothing stored in a whole batch means every record changed under us; the next run picks them up.
    if (saved === 0) return { rewrapped };
  }
}

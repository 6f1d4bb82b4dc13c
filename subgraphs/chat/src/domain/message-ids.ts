import { uuidv7 } from '@mosaic/kit';

const RAND_B_BITS = 62n;
const RAND_A_BITS = 12n;

/**
 * The id of a room's next message: a uuidv7 for `now`, but always larger than `previous` (the
 * room's newest message id, read under the room's lock). Two messages within one millisecond, or
 * a replica whose clock is behind, would otherwise give ids out of commit order — and history
 * pages, read markers and unread counts all compare ids.
 */
export function nextMessageId(previous: string | null, now: Date): string {
  const candidate = uuidv7(now.getTime());
  return previous === null || candidate > previous ? candidate : successor(previous);
}

/**
 * The smallest uuidv7 after `id`: its random parts counted up by one (rand_b, carrying into
 * rand_a, then into the timestamp), keeping the version and variant bits.
 */
export function successor(id: string): string {
  const hex = id.replaceAll('-', '');
  let timestamp = BigInt(`0x${hex.slice(0, 12)}`);
  let randA = BigInt(`0x${hex.slice(13, 16)}`);
  let randB = BigInt(`0x${hex.slice(16)}`) & ((1n << RAND_B_BITS) - 1n);
  randB += 1n;
  if (randB >> RAND_B_BITS) {
    randB = 0n;
    randA += 1n;
    if (randA >> RAND_A_BITS) {
      randA = 0n;
      timestamp += 1n;
    }
  }
  const variantAndRandB = (2n << RAND_B_BITS) | randB;
  const out = `${timestamp.toString(16).padStart(12, '0')}7${randA.toString(16).padStart(3, '0')}${variantAndRandB.toString(16).padStart(16, '0')}`;
  return `${out.slice(0, 8)}-${out.slice(8, 12)}-${out.slice(12, 16)}-${out.slice(16, 20)}-${out.slice(20)}`;
}

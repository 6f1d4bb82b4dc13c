import type { ByteRange } from '../providers/storage';

/**
 * One `Range: bytes=…` range of an object of `size` bytes (RFC 9110 §14): `a-b`, `a-` or `-n`.
 * Null: no (usable) Range header, serve everything — several ranges are answered with the whole
 * object, which the RFC allows. 'unsatisfiable': a valid range that lies outside the object.
 */
export function parseRange(header: string | undefined, size: number): ByteRange | null | 'unsatisfiable' {
  if (!header) return null;
  const match = /^bytes=(\d*)-(\d*)$/.exec(header.trim());
  if (!match) return null;
  const [, first, last] = match as unknown as [string, string, string];
  if (first === '' && last === '') return null;
  if (first === '') {
    const suffix = Number(last);
    if (suffix === 0) return 'unsatisfiable';
    return { start: Math.max(0, size - suffix), end: size - 1 };
  }
  const start = Number(first);
  if (start >= size) return 'unsatisfiable';
  const end = last === '' ? size - 1 : Math.min(Number(last), size - 1);
  if (end < start) return null;
  return { start, end };
}

import { isDeepStrictEqual } from 'node:util';
import type { RawResponse } from './send-query';

/**
 * Why `candidate` is not the same GraphQL response as `reference` (stock Apollo's), or null when it
 * is: same HTTP status, and `data` and `errors` equal as JSON, field order included (GraphQL
 * serialises fields in selection order). `extensions` are not compared.
 */
export function responseDifference(reference: RawResponse, candidate: RawResponse): string | null {
  if (candidate.status !== reference.status) return `HTTP status ${candidate.status}, expected ${reference.status}`;
  let expected: { data?: unknown; errors?: unknown };
  let actual: { data?: unknown; errors?: unknown };
  try {
    expected = JSON.parse(reference.text);
    actual = JSON.parse(candidate.text);
  } catch {
    return `not JSON: ${candidate.text.slice(0, 300)}`;
  }
  for (const key of ['errors', 'data'] as const) {
    if (!isDeepStrictEqual(actual[key], expected[key])) {
      return `${key} differ at ${firstDifference(expected[key], actual[key], key)}`;
    }
    if (JSON.stringify(actual[key]) !== JSON.stringify(expected[key])) return `${key} are equal but in a different field order`;
  }
  return null;
}

/** The path of the first difference, with both values shortened. */
function firstDifference(expected: unknown, actual: unknown, path: string): string {
  if (typeof expected === 'object' && expected !== null && typeof actual === 'object' && actual !== null) {
    const keys = new Set([...Object.keys(expected), ...Object.keys(actual)]);
    for (const key of keys) {
      const e = (expected as Record<string, unknown>)[key];
      const a = (actual as Record<string, unknown>)[key];
      if (!isDeepStrictEqual(e, a)) return firstDifference(e, a, `${path}.${key}`);
    }
  }
  const short = (v: unknown) => JSON.stringify(v)?.slice(0, 200) ?? 'undefined';
  return `${path}: expected ${short(expected)}, got ${short(actual)}`;
}

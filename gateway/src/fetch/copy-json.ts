import { responseObject } from '../execution/response-object';

/** A deep copy of JSON data (what a subgraph response is): cheaper than structuredClone; a `__proto__` key stays a key. */
export function copyJson<T>(value: T): T {
  if (Array.isArray(value)) return value.map(copyJson) as T;
  if (value !== null && typeof value === 'object') {
    const copy: Record<string, unknown> = responseObject();
    for (const key in value) copy[key] = copyJson((value as Record<string, unknown>)[key]);
    return copy as T;
  }
  return value;
}

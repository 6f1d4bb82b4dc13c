import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { deepMerge } from '../src/execution/deep-merge';

/** deep-merge.ts against @apollo/gateway's own deepMerge, on the same (cloned) inputs: the same result, keys in the same order (or the same error: a non-object where an object merges in throws in both). */
const apollo = createRequire(import.meta.url)('@apollo/gateway/dist/utilities/deepMerge') as { deepMerge(target: unknown, source: unknown): unknown };

const withNullPrototype = (value: Record<string, unknown>) => Object.assign(Object.create(null) as Record<string, unknown>, value);
const cases: [unknown, unknown][] = [
  [{ a: 1, b: { c: 2 } }, { b: { d: 3 }, e: [1, 2] }],
  [{ list: [{ x: 1 }, null, 3] }, { list: [{ y: 2 }, { z: 1 }, { w: 0 }] }],
  [{ list: [{ x: 1 }] }, { list: [{ y: 2 }, { z: 1 }] }],
  [{ a: null, b: 0, c: '' }, { a: { x: 1 }, b: { y: 2 }, c: [1] }],
  [{ a: { x: 1 } }, { a: null, b: undefined, c: [] }],
  [{ a: [[{ x: 1 }]] }, { a: [[{ y: 1 }]] }],
  [{}, { toString: 'shadowed', constructor: { name: 'x' }, hasOwnProperty: 1 }],
  [withNullPrototype({ a: 1 }), { toString: 'own', a: { b: 1 } }],
  [{ a: 1 }, null],
  [{ a: { b: { c: [1, { d: 1 }] } } }, { a: { b: { c: [2, { e: 2 }], f: 'g' } } }],
];

describe("deepMerge is Apollo's", () => {
  it('gives the same merged value, own keys and order as @apollo/gateway', () => {
    for (const [target, source] of cases) {
      const clone = <T>(value: T): T => (value && typeof value === 'object' && Object.getPrototypeOf(value) === null ? (withNullPrototype({ ...(value as Record<string, unknown>) }) as T) : structuredClone(value));
      const run = (merge: (t: unknown, s: unknown) => unknown) => {
        try {
          return merge(clone(target), clone(source)) as Record<string, unknown>;
        } catch (error) {
          return { thrown: String(error) };
        }
      };
      const expected = run(apollo.deepMerge);
      const actual = run(deepMerge);
      expect(Object.keys(actual)).toEqual(Object.keys(expected));
      expect(Object.getOwnPropertyNames(actual)).toEqual(Object.getOwnPropertyNames(expected));
      expect(JSON.stringify(actual)).toBe(JSON.stringify(expected));
      expect(actual).toEqual(expected);
    }
  });
});

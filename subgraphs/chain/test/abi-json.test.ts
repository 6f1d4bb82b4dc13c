import { describe, expect, it } from 'vitest';
import { parseAbiParameters } from 'viem';
import { ArgumentError, fromJsonArgs, toJsonValue } from '../src/domain/contracts/abi-json';
import { BigIntScalar } from '../src/resolvers/scalars';

describe('ABI values as JSON', () => {
  it('turns decimal strings into bigints by the parameter types, through arrays and tuples', () => {
    const params = parseAbiParameters('uint256 amount, address to, (uint8 a, string b)[] items, bool flag');
    expect(fromJsonArgs(params, ['1000000000000000000000000', '0xabc', [{ a: '1', b: 'x' }], true])).toEqual([10n ** 24n, '0xabc', [{ a: 1n, b: 'x' }], true]);
    expect(toJsonValue({ n: 10n ** 24n, list: [1n] })).toEqual({ n: '1000000000000000000000000', list: ['1'] });
  });

  it('names the argument that does not fit', () => {
    const params = parseAbiParameters('address to, uint256 amount');
    expect(() => fromJsonArgs(params, ['0x1'])).toThrow(/expects 2 argument/);
    const error = (() => {
      try {
        fromJsonArgs(params, ['0x1', 1.5]);
      } catch (e) {
        return e as ArgumentError;
      }
    })();
    expect(error).toBeInstanceOf(ArgumentError);
    expect(error!.path).toBe('args[1]');
    expect(() => fromJsonArgs(params, 'nope')).toThrow(/JSON array/);
  });

  it('BigInt scalar: decimal strings up to 2^256 − 1, never floats or negatives', () => {
    expect(BigIntScalar.parseValue('115792089237316195423570985008687907853269984665640564039457584007913129639935')).toBe(2n ** 256n - 1n);
    expect(BigIntScalar.serialize(10n ** 30n)).toBe('1000000000000000000000000000000');
    for (const bad of ['-1', '1.5', 1.5, '115792089237316195423570985008687907853269984665640564039457584007913129639936', '0x10']) {
      expect(() => BigIntScalar.parseValue(bad)).toThrow(/unsigned integer/);
    }
  });
});

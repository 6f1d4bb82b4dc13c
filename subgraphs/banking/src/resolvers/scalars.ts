import { GraphQLError, GraphQLScalarType, Kind } from 'graphql';

const MIN = -(2n ** 63n);
const MAX = 2n ** 63n - 1n;

function parse(value: unknown): bigint {
  const parsed = typeof value === 'string' && /^-?\d{1,19}$/.test(value) ? BigInt(value) : typeof value === 'number' && Number.isSafeInteger(value) ? BigInt(value) : null;
  if (parsed === null || parsed < MIN || parsed > MAX) {
    throw new GraphQLError('MinorUnits must be a whole number of minor units (cents) written as a decimal string, e.g. "1250" for 12.50.', { extensions: { code: 'BAD_USER_INPUT' } });
  }
  return parsed;
}

/** Signed 64-bit amounts in minor units, as decimal strings on the wire and bigints inside. */
export const MinorUnitsScalar = new GraphQLScalarType<bigint, string>({
  name: 'MinorUnits',
  serialize: (value) => (typeof value === 'bigint' ? value.toString() : parse(value).toString()),
  parseValue: parse,
  parseLiteral: (ast) => (ast.kind === Kind.STRING || ast.kind === Kind.INT ? parse(ast.value) : parse(undefined)),
});

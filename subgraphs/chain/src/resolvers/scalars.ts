import { GraphQLError, GraphQLScalarType, Kind, type ValueNode } from 'graphql';

const MAX_UINT256 = 2n ** 256n - 1n;

function toBigInt(value: unknown): bigint {
  const parsed = typeof value === 'string' && /^\d{1,78}$/.test(value) ? BigInt(value) : typeof value === 'number' && Number.isSafeInteger(value) && value >= 0 ? BigInt(value) : null;
  if (parsed === null || parsed > MAX_UINT256) {
    throw new GraphQLError('BigInt must be an unsigned integer (at most 2^256 − 1) written as a decimal string, e.g. "1000000000000000000".', { extensions: { code: 'BAD_USER_INPUT' } });
  }
  return parsed;
}

/** Unsigned integers of any size (wei, gas, nonces) as decimal strings; bigints inside. */
export const BigIntScalar = new GraphQLScalarType<bigint, string>({
  name: 'BigInt',
  serialize: (value) => (typeof value === 'bigint' ? value.toString() : toBigInt(value).toString()),
  parseValue: toBigInt,
  parseLiteral: (ast) => {
    if (ast.kind !== Kind.STRING && ast.kind !== Kind.INT) return toBigInt(undefined);
    return toBigInt(ast.kind === Kind.INT ? Number(ast.value) : ast.value);
  },
});

function literal(ast: ValueNode, variables: Record<string, unknown> | null | undefined): unknown {
  switch (ast.kind) {
    case Kind.STRING:
    case Kind.BOOLEAN:
    case Kind.ENUM:
      return ast.value;
    case Kind.INT:
    case Kind.FLOAT:
      return Number(ast.value);
    case Kind.LIST:
      return ast.values.map((v) => literal(v, variables));
    case Kind.OBJECT:
      return Object.fromEntries(ast.fields.map((f) => [f.name.value, literal(f.value, variables)]));
    case Kind.VARIABLE:
      return variables?.[ast.name.value];
    case Kind.NULL:
      return null;
  }
}

/** Any JSON value (ABI arguments and results, typed data). */
export const JSONScalar = new GraphQLScalarType<unknown, unknown>({
  name: 'JSON',
  serialize: (value) => value,
  parseValue: (value) => value,
  parseLiteral: (ast, variables) => literal(ast, variables),
});

import { GraphQLError, GraphQLScalarType, Kind } from 'graphql';

const badInput = (message: string) => new GraphQLError(message, { extensions: { code: 'BAD_USER_INPUT' } });

/**
 * Minor units as text. Parsing only normalises the JSON shape (a number becomes its text); the
 * domain validates the value, so "12.5" is refused with the field it came in and a message that
 * says what to send.
 */
export const MoneyScalar = new GraphQLScalarType<string, string>({
  name: 'Amount',
  serialize: (value) => {
    if (typeof value === 'bigint' || (typeof value === 'number' && Number.isSafeInteger(value))) return value.toString();
    if (typeof value === 'string' && /^-?\d+$/.test(value)) return value;
    throw new Error(`Money cannot represent ${String(value)}`);
  },
  parseValue: (value) => {
    if (typeof value === 'string') return value;
    if (typeof value === 'number' && Number.isFinite(value)) return String(value);
    throw badInput('Money is a whole number of minor units, as a string or an integer, e.g. "1250" for 12.50 EUR.');
  },
  parseLiteral: (ast) => {
    if (ast.kind === Kind.STRING || ast.kind === Kind.INT || ast.kind === Kind.FLOAT) return ast.value;
    throw badInput('Money is a whole number of minor units, as a string or an integer, e.g. "1250" for 12.50 EUR.');
  },
});

/** Calendar days as 'YYYY-MM-DD'; the domain checks that the day exists. */
export const DateScalar = new GraphQLScalarType<string, string>({
  name: 'Date',
  serialize: (value) => {
    if (typeof value === 'string') return value;
    if (value instanceof Date) return value.toISOString().slice(0, 10);
    throw new Error(`Date cannot represent ${String(value)}`);
  },
  parseValue: (value) => {
    if (typeof value === 'string') return value;
    throw badInput('A Date is a string "YYYY-MM-DD".');
  },
  parseLiteral: (ast) => {
    if (ast.kind === Kind.STRING) return ast.value;
    throw badInput('A Date is a string "YYYY-MM-DD".');
  },
});

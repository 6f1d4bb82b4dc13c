import { GraphQLScalarType, Kind } from 'graphql';
import { UserInputError } from '../errors/errors';

const ISO_WITH_ZONE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;

function parseIso(value: unknown): string {
  if (typeof value !== 'string' || !ISO_WITH_ZONE.test(value) || Number.isNaN(Date.parse(value))) {
    throw new UserInputError(`DateTime must be an ISO-8601 string with a time zone, e.g. "2026-11-26T09:00:00Z"; got ${JSON.stringify(value)?.slice(0, 40)}.`);
  }
  return new Date(value).toISOString();
}

/** UTC ISO-8601 instants. Inputs may carry any offset; outputs are always `…Z` with milliseconds. */
export const DateTimeScalar = new GraphQLScalarType<string, string>({
  name: 'DateTime',
  description: 'A UTC instant as an ISO-8601 string, e.g. "2026-11-26T14:12:44.000Z".',
  serialize(value) {
    if (value instanceof Date) return value.toISOString();
    return parseIso(value);
  },
  parseValue: parseIso,
  parseLiteral(ast) {
    if (ast.kind !== Kind.STRING) throw new UserInputError('DateTime must be a string.');
    return parseIso(ast.value);
  },
});

import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import {
  DateTimeScalar,
  decodeCursor,
  decodeId,
  encodeCursor,
  encodeId,
  InvalidEnvironmentError,
  pageSize,
  parseEnv,
  databaseEnv,
  eventsEnv,
  httpEnv,
  runtimeEnv,
  trustEnv,
  toConnection,
  uuidv7,
  validate,
} from '../src/index';

describe('opaque ids', () => {
  const uuid = uuidv7();
  it('round-trip and reject ids of another type or garbage with BAD_USER_INPUT', () => {
    expect(decodeId('Todo', encodeId('Todo', uuid))).toBe(uuid);
    for (const bad of [encodeId('Note', uuid), 'garbage', '', 'x'.repeat(500)]) {
      expect(() => decodeId('Todo', bad)).toThrowError(expect.objectContaining({ extensions: expect.objectContaining({ code: 'BAD_USER_INPUT' }) }));
    }
  });

  it('uuidv7 is time-ordered and RFC 9562 shaped', () => {
    const a = uuidv7(1_700_000_000_000);
    const b = uuidv7(1_700_000_000_001);
    expect(a < b).toBe(true);
    expect(a).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });

  it('uuidv7 stays unique within one millisecond, across refills of its entropy pool', () => {
    const ids = Array.from({ length: 5_000 }, () => uuidv7(1_700_000_000_000));
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids.every((id) => /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/.test(id))).toBe(true);
  });
});

describe('pagination', () => {
  it('cursors round-trip and forged ones are refused', () => {
    expect(decodeCursor(encodeCursor(['2026-01-01T00:00:00.000Z', 'id']), 2)).toEqual(['2026-01-01T00:00:00.000Z', 'id']);
    expect(() => decodeCursor(encodeCursor(['a']), 2)).toThrow(/cursor/);
    expect(() => decodeCursor('%%%', 2)).toThrow(/cursor/);
  });

  it('page sizes are bounded', () => {
    expect(pageSize(undefined)).toBe(20);
    expect(() => pageSize(0)).toThrow(/between 1 and 100/);
    expect(() => pageSize(101)).toThrow(/between 1 and 100/);
  });

  it('the extra row only signals another page', () => {
    const connection = toConnection([1, 2, 3], 2, (n) => [n]);
    expect(connection.edges.map((e) => e.node)).toEqual([1, 2]);
    expect(connection.pageInfo).toMatchObject({ hasNextPage: true, endCursor: encodeCursor([2]) });
  });
});

describe('DateTime', () => {
  it('normalises any offset to UTC with milliseconds and refuses zone-less or invalid input', () => {
    expect(DateTimeScalar.parseValue('2026-11-26T15:00:00+01:00')).toBe('2026-11-26T14:00:00.000Z');
    expect(DateTimeScalar.serialize(new Date('2026-11-26T14:00:00Z'))).toBe('2026-11-26T14:00:00.000Z');
    for (const bad of ['2026-11-26T14:00:00', '2026-13-40T00:00:00Z', 'tomorrow', 42]) {
      expect(() => DateTimeScalar.parseValue(bad)).toThrow(/ISO-8601/);
    }
  });
});

describe('environment', () => {
  it('collects every problem before failing', () => {
    const models = { port: z.object({ PORT: z.coerce.number().int() }), database: databaseEnv };
    try {
      parseEnv(models, { PORT: 'abc', DATABASE_URL: 'not a url' });
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(InvalidEnvironmentError);
      expect((error as InvalidEnvironmentError).problems).toHaveLength(2);
    }
  });

  it('chooses PGlite without DATABASE_URL and PostgreSQL with it', () => {
    expect(parseEnv({ database: databaseEnv }, {}).database).toEqual({ kind: 'pglite', dataDir: '.data/pglite' });
    expect(parseEnv({ database: databaseEnv }, { DATABASE_URL: 'postgres://h/db' }).database).toMatchObject({ kind: 'postgres', url: 'postgres://h/db' });
  });

  const problemsOf = (run: () => unknown): string[] => {
    try {
      run();
    } catch (error) {
      if (error instanceof InvalidEnvironmentError) return error.problems;
      throw error;
    }
    return [];
  };

  it('reads an empty variable as unset, and says what a bad value must be without echoing it', () => {
    expect(parseEnv({ events: eventsEnv }, { AMQP_URL: '', EVENTS_MAX_ATTEMPTS: '' }).events).toMatchObject({ transport: { kind: 'in-process' }, maxAttempts: 5 });
    expect(problemsOf(() => parseEnv({ events: eventsEnv }, { EVENTS_MAX_ATTEMPTS: '0', AMQP_NAMESPACE: 'Upper', OUTBOX_RETENTION_HOURS: '-1', AMQP_URL: 'amqp-host' }))).toEqual([
      'AMQP_URL: must be an absolute URL, e.g. http://host:4000/path',
      'AMQP_NAMESPACE: must be lower-case letters, digits and dashes',
      'EVENTS_MAX_ATTEMPTS: must be a whole number from 1 to 20',
      'OUTBOX_RETENTION_HOURS: must be a number above 0',
    ]);
    expect(problemsOf(() => parseEnv({ runtime: runtimeEnv, http: httpEnv(4000) }, { NODE_ENV: 'prod', PORT: '4000.5' }))).toEqual([
      'NODE_ENV: must be one of development, production, test',
      'PORT: must be a whole number from 0 to 65535',
    ]);
    expect(problemsOf(() => parseEnv({ database: databaseEnv }, { DATABASE_POOL_MAX: '0' }))).toEqual(['DATABASE_POOL_MAX: must be a whole number above 0']);
  });

  it('requires the gateway secret in production, of at least 32 characters, and never prints it', () => {
    expect(problemsOf(() => parseEnv({ trust: trustEnv }, { NODE_ENV: 'production' }))).toEqual(['GATEWAY_SHARED_SECRET: must be set in production']);
    const problems = problemsOf(() => parseEnv({ trust: trustEnv }, { GATEWAY_SHARED_SECRET: 'short-secret' }));
    expect(problems).toEqual(['GATEWAY_SHARED_SECRET: must be at least 32 characters (e.g. `openssl rand -base64 32`)']);
    expect(parseEnv({ trust: trustEnv }, { NODE_ENV: 'production', GATEWAY_SHARED_SECRET: 'x'.repeat(32) }).trust).toEqual({ gatewaySecret: 'x'.repeat(32) });
  });
});

describe('validate', () => {
  it('names the failing field', () => {
    expect(() => validate(z.object({ title: z.string().max(3) }), { title: 'long' })).toThrowError(
      expect.objectContaining({ extensions: expect.objectContaining({ code: 'BAD_USER_INPUT', field: 'input.title' }) }),
    );
  });
});

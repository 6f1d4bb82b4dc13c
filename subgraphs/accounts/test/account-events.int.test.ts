import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq, sql } from 'drizzle-orm';
import { decodeId, eventTables } from '@mosaic/kit';
import { errorCodes } from '@mosaic/testing';
import { users } from '../src/data/tables';
import { REGISTER, startAccounts } from './harness';

let app: Awaited<ReturnType<typeof startAccounts>>;
beforeAll(async () => {
  app = await startAccounts();
});
afterAll(() => app.close());

const { outbox } = eventTables('accounts');
const SET_TIME_ZONE = `mutation($tz: String!) { setTimeZone(timeZone: $tz) { id timeZone } }`;
let n = 0;
async function registered() {
  const result = await app.call(REGISTER, { input: { email: `zone${++n}.${Date.now()}@example.com`, password: 'velvet-otter-lantern' } });
  expect(result.errors).toBeUndefined();
  const { accessToken, user } = result.data!.register as { accessToken: string; user: { id: string } };
  return { token: accessToken, userId: decodeId('User', user.id) };
}
const eventsOf = (userId: string) =>
  app.database.db().select({ type: outbox.type, version: outbox.version, payload: outbox.payload, partition: outbox.partition }).from(outbox).where(eq(outbox.aggregateId, userId)).orderBy(outbox.seq);

describe('account.registered', () => {
  it('is written with the new account, in UTC until the user picks a zone', async () => {
    const { userId } = await registered();
    const events = await eventsOf(userId);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ type: 'account.registered', version: 1, payload: { userId, timeZone: 'UTC' } });
    const [row] = await app.database.db().select().from(users).where(eq(users.id, userId));
    expect((events[0]!.payload as { registeredAt: string }).registeredAt).toBe(row!.createdAt.toISOString());
  });

  it('is backfilled by migration 0005 for accounts that existed before it, in the partition the application uses for them', async () => {
    const { token, userId } = await registered();
    await app.call(SET_TIME_ZONE, { tz: 'Asia/Tokyo' }, token);
    const db = app.database.db();
    // As before the migration: the account exists, no registration event was ever written.
    await db.delete(outbox).where(and(eq(outbox.aggregateId, userId), eq(outbox.type, 'account.registered')));
    const migration = readFileSync(new URL('../drizzle/0005_user-time-zone.sql', import.meta.url), 'utf8');
    const backfill = migration.slice(migration.indexOf('DO $$'));
    await db.execute(sql.raw(backfill));
    const events = await eventsOf(userId);
    const announced = events.filter((e) => e.type === 'account.registered');
    expect(announced).toHaveLength(1);
    expect(announced[0]!.payload).toMatchObject({ userId, timeZone: 'Asia/Tokyo' });
    const changed = events.find((e) => e.type === 'account.preferences.changed')!;
    expect(announced[0]!.partition).toBe(changed.partition);
  });
});

describe('setTimeZone', () => {
  it('stores the canonical IANA name and publishes account.preferences.changed', async () => {
    const { token, userId } = await registered();
    const result = await app.call(SET_TIME_ZONE, { tz: ' europe/berlin ' }, token);
    expect(result.errors).toBeUndefined();
    expect(result.data!.setTimeZone).toMatchObject({ timeZone: 'Europe/Berlin' });
    expect((await app.call(`{ me { timeZone } }`, {}, token)).data!.me).toEqual({ timeZone: 'Europe/Berlin' });
    const events = await eventsOf(userId);
    expect(events.map((e) => e.type)).toEqual(['account.registered', 'account.preferences.changed']);
    expect(events[1]!.payload).toMatchObject({ userId, timeZone: 'Europe/Berlin' });
  });

  it.each(['Mars/Olympus_Mons', '+02:00', 'GMT+2', '', 'Europe/Berlin; drop table users'])('refuses %j with BAD_USER_INPUT and changes nothing', async (tz) => {
    const { token, userId } = await registered();
    const result = await app.call(SET_TIME_ZONE, { tz }, token);
    expect(errorCodes(result)).toEqual(['BAD_USER_INPUT']);
    expect(result.errors![0]!.message).toMatch(/timeZone/);
    const [row] = await app.database.db().select({ timeZone: users.timeZone }).from(users).where(eq(users.id, userId));
    expect(row!.timeZone).toBe('UTC');
    expect((await eventsOf(userId)).map((e) => e.type)).toEqual(['account.registered']);
  });

  it('needs a signed-in user', async () => {
    expect(errorCodes(await app.call(SET_TIME_ZONE, { tz: 'Europe/Berlin' }))).toEqual(['UNAUTHENTICATED']);
  });
});

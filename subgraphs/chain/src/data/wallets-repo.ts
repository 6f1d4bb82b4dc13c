import { and, count, desc, eq, inArray, lt, ne, or, sql } from 'drizzle-orm';
import type { Db } from '@mosaic/kit';
import { wallets, type WalletRow } from './tables';

/** A page of each owner's rows, newest first; `after` is the (createdAt, id) of the last row seen. */
export interface PageQuery {
  /** Rows per owner; one more is fetched to tell whether another page exists. */
  limit: number;
  after: { createdAt: string; id: string } | null;
}

export async function insertWallet(db: Db, row: WalletRow): Promise<WalletRow> {
  const [inserted] = await db.insert(wallets).values(row).returning();
  return inserted!;
}

export function findWalletsByIds(db: Db, ids: readonly string[]): Promise<WalletRow[]> {
  return db.select().from(wallets).where(inArray(wallets.id, [...ids]));
}

export async function countWalletsOf(db: Db, ownerId: string): Promise<number> {
  const [row] = await db.select({ n: count() }).from(wallets).where(eq(wallets.ownerId, ownerId));
  return row!.n;
}

export async function findWalletByAddress(db: Db, ownerId: string, address: string): Promise<WalletRow | null> {
  const [row] = await db.select().from(wallets).where(and(eq(wallets.ownerId, ownerId), eq(wallets.address, address)));
  return row ?? null;
}

/** Addresses of the owner's wallets (lower case). */
export async function walletAddressesOf(db: Db, ownerId: string): Promise<string[]> {
  return (await db.select({ address: wallets.address }).from(wallets).where(eq(wallets.ownerId, ownerId))).map((r) => r.address);
}

/** Wallets whose data key is wrapped by another KEK than `currentKeyId`, a batch at a time (rotation). */
export function findWalletsToRewrap(db: Db, currentKeyId: string, limit: number): Promise<WalletRow[]> {
  return db.select().from(wallets).where(and(ne(wallets.keyId, currentKeyId), sql`${wallets.sealedSeed} is not null`)).limit(limit);
}

export async function updateSealedSeed(db: Db, id: string, sealedSeed: string, keyId: string, previousKeyId: string): Promise<boolean> {
  const rows = await db.update(wallets).set({ sealedSeed, keyId }).where(and(eq(wallets.id, id), eq(wallets.keyId, previousKeyId))).returning({ id: wallets.id });
  return rows.length === 1;
}

/** One statement for every owner asked for: rank rows within each owner, keep each owner's first page. */
export async function findWalletPages(db: Db, ownerIds: readonly string[], query: PageQuery): Promise<WalletRow[]> {
  const after = query.after;
  const ranked = db
    .select({
      ...walletColumns,
      rank: sql<number>`row_number() over (partition by ${wallets.ownerId} order by ${wallets.createdAt} desc, ${wallets.id} desc)`.as('rank'),
    })
    .from(wallets)
    .where(
      and(
        inArray(wallets.ownerId, [...ownerIds]),
        after ? or(lt(wallets.createdAt, new Date(after.createdAt)), and(eq(wallets.createdAt, new Date(after.createdAt)), lt(wallets.id, after.id))) : undefined,
      ),
    )
    .as('ranked');
  const columns = {
    id: ranked.id,
    ownerId: ranked.ownerId,
    label: ranked.label,
    kind: ranked.kind,
    address: ranked.address,
    derivationPath: ranked.derivationPath,
    sealedSeed: ranked.sealedSeed,
    keyId: ranked.keyId,
    createdAt: ranked.createdAt,
  } satisfies Record<keyof WalletRow, unknown>;
  return db
    .select(columns)
    .from(ranked)
    .where(sql`${ranked.rank} <= ${query.limit + 1}`)
    .orderBy(desc(ranked.createdAt), desc(ranked.id));
}

const walletColumns = {
  id: wallets.id,
  ownerId: wallets.ownerId,
  label: wallets.label,
  kind: wallets.kind,
  address: wallets.address,
  derivationPath: wallets.derivationPath,
  sealedSeed: wallets.sealedSeed,
  keyId: wallets.keyId,
  createdAt: wallets.createdAt,
};

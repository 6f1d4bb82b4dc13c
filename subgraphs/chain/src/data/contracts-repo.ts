import { and, desc, eq, inArray, lt, or, sql } from 'drizzle-orm';
import type { Db } from '@mosaic/kit';
import { contracts, type ContractRow } from './tables';
import type { PageQuery } from './wallets-repo';

export async function insertContract(db: Db, row: ContractRow): Promise<ContractRow> {
  const [inserted] = await db.insert(contracts).values(row).returning();
  return inserted!;
}

export function findContractsByIds(db: Db, ids: readonly string[]): Promise<ContractRow[]> {
  return db.select().from(contracts).where(inArray(contracts.id, [...ids]));
}

export async function findOwnedContractAt(db: Db, ownerId: string, chainId: number, address: string): Promise<ContractRow | null> {
  const [row] = await db.select().from(contracts).where(and(eq(contracts.ownerId, ownerId), eq(contracts.chainId, chainId), eq(contracts.address, address)));
  return row ?? null;
}

/** Every distinct contract address followed on a chain (whose logs are read for `contractEvents`). */
export async function watchedAddresses(db: Db, chainId: number): Promise<string[]> {
  return (await db.selectDistinct({ address: contracts.address }).from(contracts).where(eq(contracts.chainId, chainId))).map((r) => r.address);
}

export async function findContractPages(db: Db, ownerIds: readonly string[], query: PageQuery): Promise<ContractRow[]> {
  const after = query.after;
  const ranked = db
    .select({
      id: contracts.id,
      ownerId: contracts.ownerId,
      chainId: contracts.chainId,
      name: contracts.name,
      address: contracts.address,
      abi: contracts.abi,
      deploymentTxId: contracts.deploymentTxId,
      createdAt: contracts.createdAt,
      rank: sql<number>`row_number() over (partition by ${contracts.ownerId} order by ${contracts.createdAt} desc, ${contracts.id} desc)`.as('rank'),
    })
    .from(contracts)
    .where(
      and(
        inArray(contracts.ownerId, [...ownerIds]),
        after ? or(lt(contracts.createdAt, new Date(after.createdAt)), and(eq(contracts.createdAt, new Date(after.createdAt)), lt(contracts.id, after.id))) : undefined,
      ),
    )
    .as('ranked');
  const columns = {
    id: ranked.id,
    ownerId: ranked.ownerId,
    chainId: ranked.chainId,
    name: ranked.name,
    address: ranked.address,
    abi: ranked.abi,
    deploymentTxId: ranked.deploymentTxId,
    createdAt: ranked.createdAt,
  } satisfies Record<keyof ContractRow, unknown>;
  return db
    .select(columns)
    .from(ranked)
    .where(sql`${ranked.rank} <= ${query.limit + 1}`)
    .orderBy(desc(ranked.createdAt), desc(ranked.id));
}

/** An ABI known for the address (any follower's: ABIs are public), to decode its reverts. */
export async function findAbiAt(db: Db, chainId: number, address: string): Promise<readonly unknown[] | null> {
  const [row] = await db.select({ abi: contracts.abi }).from(contracts).where(and(eq(contracts.chainId, chainId), eq(contracts.address, address))).limit(1);
  return row?.abi ?? null;
}

import { asc, eq } from 'drizzle-orm';
import type { Db } from '@mosaic/kit';
import { auditLog, type AuditRow } from './tables';

/** Appends entries (the table refuses updates and deletes). */
export async function appendAudit(db: Db, rows: readonly AuditRow[]): Promise<void> {
  if (rows.length > 0) await db.insert(auditLog).values([...rows]);
}

export function findAuditOf(db: Db, entityId: string): Promise<AuditRow[]> {
  return db.select().from(auditLog).where(eq(auditLog.entityId, entityId)).orderBy(asc(auditLog.at), asc(auditLog.id));
}

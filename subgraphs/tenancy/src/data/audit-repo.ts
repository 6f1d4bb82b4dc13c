import { desc, eq } from 'drizzle-orm';
import type { Db } from '@mosaic/kit';
import { auditEvents, type AuditEventRow } from './tables';

export async function insertAuditEvent(db: Db, row: AuditEventRow): Promise<void> {
  await db.insert(auditEvents).values(row);
}

export function findAuditEvents(db: Db, organizationId: string, limit: number): Promise<AuditEventRow[]> {
  return db
    .select()
    .from(auditEvents)
    .where(eq(auditEvents.organizationId, organizationId))
    .orderBy(desc(auditEvents.at), desc(auditEvents.id))
    .limit(limit);
}

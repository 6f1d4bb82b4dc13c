import { uuidv7, type Db } from '@mosaic/kit';
import type { Context } from '../context';
import { insertAuditEvent } from '../data/audit-repo';
import type { AuditEventRow } from '../data/tables';
import { planOf } from './plans';

export type AuditAction =
  | 'organization_created'
  | 'member_invited'
  | 'invitation_revoked'
  | 'invitation_accepted'
  | 'member_role_changed'
  | 'member_removed'
  | 'member_left'
  | 'ownership_transferred';

type Change = Omit<AuditEventRow, 'id' | 'at' | 'subjectUserId' | 'subjectEmail' | 'role' | 'previousRole' | 'action'> &
  Partial<Pick<AuditEventRow, 'subjectUserId' | 'subjectEmail' | 'role' | 'previousRole'>> & { action: AuditAction };

/** The audit entry of a membership change, in the transaction of the change. */
export async function audit(ctx: Pick<Context, 'now'>, tx: Db, change: Change): Promise<void> {
  const at = ctx.now();
  await insertAuditEvent(tx, {
    id: uuidv7(at.getTime()),
    at,
    subjectUserId: null,
    subjectEmail: null,
    role: null,
    previousRole: null,
    ...change,
  });
}

/** Tells other subgraphs (accounts' membership projection) the new state of one membership; `role: null` = gone. */
export async function announceMembership(ctx: Pick<Context, 'events' | 'now'>, tx: Db, organizationId: string, userId: string, role: string | null): Promise<void> {
  const at = ctx.now();
  await ctx.events.emit(tx, 'membership.changed', { organizationId, userId, role: role as 'owner' | null, at: at.toISOString() }, { occurredAt: at });
}

/** Tells other subgraphs (files' storage quota) the plan now in force, in the transaction that put it there. */
export async function announcePlan(ctx: Pick<Context, 'events' | 'now'>, tx: Db, organizationId: string, planCode: string): Promise<void> {
  const at = ctx.now();
  const plan = planOf(planCode);
  await ctx.events.emit(
    tx,
    'plan.changed',
    { organizationId, plan: plan.code, storageBytes: plan.storageBytes === null ? null : plan.storageBytes.toString(), maxApiCallsPerMonth: plan.maxApiCallsPerMonth, at: at.toISOString() },
    { occurredAt: at },
  );
}

import { encodeId, userReference } from '@mosaic/kit';
import { roleToGraphQL } from '../domain/roles';
import type { AuditAction, AuditEventResolvers } from '../resolvers.generated';

export const AuditEvent: AuditEventResolvers = {
  id: (row) => encodeId('AuditEvent', row.id),
  action: (row) => row.action.toUpperCase() as AuditAction,
  actor: (row) => userReference(row.actorId),
  subject: (row) => (row.subjectUserId ? userReference(row.subjectUserId) : null),
  email: (row) => row.subjectEmail,
  role: (row) => (row.role ? roleToGraphQL(row.role) : null),
  previousRole: (row) => (row.previousRole ? roleToGraphQL(row.previousRole) : null),
};

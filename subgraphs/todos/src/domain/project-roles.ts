import { ForbiddenError } from '@mosaic/kit';
import type { ProjectRole } from '../data/tables';

/** FORBIDDEN unless `role` is one of `allowed`; the message says what it takes. */
export function assertRole(role: ProjectRole, allowed: readonly ProjectRole[]): void {
  if (!allowed.includes(role)) throw new ForbiddenError(`Your role in this project is ${role}; this takes ${allowed.join(' or ')}.`, { role });
}

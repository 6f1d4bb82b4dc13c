import type { AccessContext, Policies } from './access-directives';
import { encodeId } from '../ids';
import { ADMIN_ROLE } from './authorization';

function idOf(parent: unknown): unknown {
  return typeof parent === 'object' && parent !== null && 'id' in parent ? parent.id : undefined;
}

/**
 * Policies every subgraph may use in `@policy`:
 * - `self`: the object being resolved is the viewer's own `User` (e.g. `User.todos`).
 * - `admin`: the viewer has the admin role.
 */
export const standardPolicies: Policies<AccessContext> = {
  self: (ctx, parent) => ctx.viewer !== null && idOf(parent) === encodeId('User', ctx.viewer.userId),
  admin: (ctx) => ctx.viewer?.roles.includes(ADMIN_ROLE) ?? false,
};

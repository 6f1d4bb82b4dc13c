import type { Policies } from '@mosaic/kit';
import type { Context } from './context';
import type { UserRow } from './data/tables';

/**
 * Inside accounts a `User` parent is a row with the raw id (elsewhere it is a representation with
 * the public id), so `self` is defined here over rows — and also admits a user who signed in within
 * this very request.
 */
export const accountsPolicies: Policies<Context> = {
  self: (ctx, parent) => {
    const id = (parent as UserRow).id;
    return id === ctx.viewer?.userId || ctx.signedIn.has(id);
  },
};

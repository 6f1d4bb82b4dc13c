import type { Policies } from '@mosaic/kit';
import type { Context } from './context';

/**
 * A `User` parent in todos is the federation representation `{ id }` with the public id, which is
 * what the kit's standard `self` and `admin` policies read, so todos adds none of its own. (Accounts
 * overrides `self` because its parents are rows with raw ids.)
 */
export const todosPolicies: Policies<Context> = {};

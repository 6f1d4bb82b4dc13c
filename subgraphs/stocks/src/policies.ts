import type { Policies } from '@mosaic/kit';
import type { Context } from './context';

/**
 * Stocks needs no policy of its own: a `User` parent here is the gateway's representation `{ id }`
 * with the public id, which is what kit's standard `self` compares, and `admin` reads the token's
 * roles. Watchlist and alert ownership is a rule of the domain functions (someone else's looks
 * missing, not forbidden).
 */
export const stocksPolicies: Policies<Context> = {};

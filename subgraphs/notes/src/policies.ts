import type { Policies } from '@mosaic/kit';
import type { Context } from './context';

/**
 * Notes needs no policy of its own: a `User` parent here is the gateway's representation `{ id }`
 * with the public id, which is exactly what kit's standard `self` compares, and `admin` reads the
 * token's roles. Note ownership is not a directive but a rule of the domain functions (someone
 * else's note must look missing, not forbidden).
 */
export const notesPolicies: Policies<Context> = {};

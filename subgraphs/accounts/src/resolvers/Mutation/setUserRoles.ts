import { decodeId } from '@mosaic/kit';
import { setUserRoles as setRoles } from '../../domain/users';
import type { MutationResolvers } from '../../resolvers.generated';
import { roleFromGraphQL } from '../User';

export const setUserRoles: NonNullable<MutationResolvers['setUserRoles']> = (_parent, args, ctx) =>
  setRoles(ctx, decodeId('User', args.userId, 'userId'), args.roles.map(roleFromGraphQL));

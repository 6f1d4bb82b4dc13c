import { encodeId } from '@mosaic/kit';
import { deleteAccount as remove } from '../../domain/delete-account';
import type { MutationResolvers } from '../../resolvers.generated';

export const deleteAccount: NonNullable<MutationResolvers['deleteAccount']> = async (_parent, args, ctx) => {
  const deleted = await remove(ctx, args.input);
  return { userId: encodeId('User', deleted.userId), deletedAt: deleted.deletedAt };
};

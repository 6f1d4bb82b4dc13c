import { decodeId, encodeId } from '@mosaic/kit';
import { switchOrganization as switchTo } from '../../domain/switch-organization';
import type { MutationResolvers } from '../../resolvers.generated';

export const switchOrganization: NonNullable<MutationResolvers['switchOrganization']> = async (_parent, args, ctx) => {
  const switched = await switchTo(ctx, args.organizationId ? decodeId('Organization', args.organizationId) : null);
  return { ...switched, organizationId: switched.organizationId && encodeId('Organization', switched.organizationId) };
};

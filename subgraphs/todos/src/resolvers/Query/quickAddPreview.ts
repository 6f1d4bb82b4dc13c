import { previewQuickAdd } from '../../domain/quick-add/quick-add';
import type { QueryResolvers } from '../../resolvers.generated';

export const quickAddPreview: NonNullable<QueryResolvers['quickAddPreview']> = (_parent, args, ctx) => previewQuickAdd(ctx, args.text);

import { decodeId } from '@mosaic/kit';
import { quickAddTodo as add } from '../../domain/quick-add/quick-add';
import type { MutationResolvers } from '../../resolvers.generated';

export const quickAddTodo: NonNullable<MutationResolvers['quickAddTodo']> = (_parent, args, ctx) => add(ctx, args.text, args.projectId ? decodeId('Project', args.projectId, 'projectId') : null);

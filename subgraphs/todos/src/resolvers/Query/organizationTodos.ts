import { listOrganizationTodos } from '../../domain/list-todos';
import type { QueryResolvers } from '../../resolvers.generated';

export const organizationTodos: NonNullable<QueryResolvers['organizationTodos']> = (_parent, args, ctx) => listOrganizationTodos(ctx, args);

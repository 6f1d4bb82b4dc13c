import { addReminder as add } from '../../domain/reminders';
import type { MutationResolvers } from '../../resolvers.generated';

export const addReminder: NonNullable<MutationResolvers['addReminder']> = (_parent, args, ctx) => add(ctx, args.input);

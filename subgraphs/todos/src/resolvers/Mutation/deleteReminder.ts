import { decodeId } from '@mosaic/kit';
import { deleteReminder as remove } from '../../domain/reminders';
import type { MutationResolvers } from '../../resolvers.generated';

export const deleteReminder: NonNullable<MutationResolvers['deleteReminder']> = (_parent, args, ctx) => remove(ctx, decodeId('Reminder', args.id));

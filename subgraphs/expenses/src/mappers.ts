import type { Connection, UserReference } from '@mosaic/kit';
import type { ExpenseAccountRow } from './data/tables';

export type UserMapper = UserReference;
export type ExpenseAccountMapper = ExpenseAccountRow;
export type ExpenseAccountConnectionMapper = Connection<ExpenseAccountRow>;

import type { Connection, UserReference } from '@mosaic/kit';
import type { BankAccountRow } from './data/tables';

export type UserMapper = UserReference;
export type BankAccountMapper = BankAccountRow;
export type BankAccountConnectionMapper = Connection<BankAccountRow>;

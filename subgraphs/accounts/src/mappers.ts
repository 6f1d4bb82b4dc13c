import type { Connection } from '@mosaic/kit';
import type { UserRow } from './data/tables';
import type { Session } from './domain/sessions';

export type UserMapper = UserRow;
export type AuthPayloadMapper = Session;
export type UserConnectionMapper = Connection<UserRow>;

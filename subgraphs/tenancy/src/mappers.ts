import type { Connection, UserReference } from '@mosaic/kit';
import type { OrganizationRow } from './data/tables';

export type UserMapper = UserReference;
export type OrganizationMapper = OrganizationRow;
export type OrganizationConnectionMapper = Connection<OrganizationRow>;

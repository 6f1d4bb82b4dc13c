import { DateTimeScalar } from '@mosaic/kit';
import type { Resolvers } from '../resolvers.generated';
import { DeleteLinkPayload } from './DeleteLinkPayload';
import { Link } from './Link';
import { deleteLink } from './Mutation/deleteLink';
import { shortenLink } from './Mutation/shortenLink';
import { updateLink } from './Mutation/updateLink';
import { link } from './Query/link';
import { linkByCode } from './Query/linkByCode';
import { linkOrphanVisits } from './Query/linkOrphanVisits';
import { LinkStats } from './LinkStats';
import { OrphanVisitStats } from './OrphanVisitStats';
import { User } from './User';

export const resolvers: Resolvers = {
  DateTime: DateTimeScalar,
  Query: { link, linkByCode, linkOrphanVisits },
  Mutation: { shortenLink, updateLink, deleteLink },
  Link,
  LinkStats,
  OrphanVisitStats,
  DeleteLinkPayload,
  User,
};

import { DateTimeScalar } from '@mosaic/kit';
import type { Resolvers } from '../resolvers.generated';
import { DeleteFilePayload } from './DeleteFilePayload';
import { File } from './File';
import { deleteFile } from './Mutation/deleteFile';
import { setFilePublicLink } from './Mutation/setFilePublicLink';
import { shareFile, unshareFile } from './Mutation/shareFile';
import { uploadSmallFile } from './Mutation/uploadSmallFile';
import { file } from './Query/file';
import { StorageUsage } from './StorageUsage';
import { User } from './User';

export const resolvers: Resolvers = {
  DateTime: DateTimeScalar,
  Query: { file },
  Mutation: { uploadSmallFile, deleteFile, shareFile, unshareFile, setFilePublicLink },
  File,
  User,
  StorageUsage,
  DeleteFilePayload,
};

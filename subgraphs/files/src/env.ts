import { z } from 'zod';
import { attachmentTicketEnv, attachmentTicketSecret } from './attachments/tickets';

const MiB = 1024 * 1024;
const bool = z.enum(['true', 'false']).transform((v) => v === 'true');

/** What `pnpm start` accepts by default: images, PDFs, plain text and CSV, archives, audio and video. */
export const DEFAULT_ALLOWED_TYPES = [
  'image/png',
  'image/jpeg',
  'image/gif',
  'image/webp',
  'image/avif',
  'application/pdf',
  'application/json',
  'text/plain',
  'text/csv',
  'application/zip',
  'audio/mpeg',
  'video/mp4',
];

/** Used outside production when FILES_SIGNING_SECRET is unset; signed URLs then only hold within this machine's dev setup. */
const DEV_SIGNING_SECRET = 'mosaic-dev-only-files-signing-secret-change-me';

/**
 * The files subgraph's settings (all documented in its README).
 *
 * FILES_STORAGE: `local` (files under FILES_DIR; the default) or `s3` (FILES_S3_*).
 * FILES_SIGNING_SECRET: HMAC key of download URLs (≥ 32 characters); required in production.
 * FILES_QUOTA_BYTES: bytes one user may store (until tenancy supplies plan quotas).
 */
export const filesEnv = z
  .object({
    NODE_ENV: z.string().default('development'),
    FILES_STORAGE: z.enum(['local', 's3']).default('local'),
    FILES_DIR: z.string().min(1).default('.data/files'),
    FILES_UPLOADS_DIR: z.string().min(1).default('.data/files-uploads'),
    FILES_S3_BUCKET: z.string().min(3).optional(),
    FILES_S3_ENDPOINT: z.url().optional(),
    FILES_S3_REGION: z.string().min(1).default('us-east-1'),
    FILES_S3_FORCE_PATH_STYLE: bool.default(false),
    FILES_S3_ACCESS_KEY_ID: z.string().min(1).optional(),
    FILES_S3_SECRET_ACCESS_KEY: z.string().min(1).optional(),
    FILES_S3_PART_SIZE_MB: z.coerce.number().int().min(5).max(512).default(8),
    FILES_PUBLIC_URL: z.url().default('http://localhost:4000'),
    FILES_SIGNING_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
    FILES_URL_TTL_SECONDS: z.coerce.number().int().min(10).max(7 * 24 * 3600).default(300),
    FILES_MAX_UPLOAD_BYTES: z.coerce.number().int().min(1).default(512 * MiB),
    FILES_INLINE_MAX_BYTES: z.coerce.number().int().min(1).max(8 * MiB).default(MiB),
    FILES_ALLOWED_TYPES: z
      .string()
      .default(DEFAULT_ALLOWED_TYPES.join(','))
      .transform((v) => v.split(',').map((t) => t.trim().toLowerCase()).filter(Boolean)),
    FILES_QUOTA_BYTES: z.coerce.number().int().min(0).default(1024 * MiB),
    FILES_UPLOAD_EXPIRY_SECONDS: z.coerce.number().int().min(1).default(24 * 3600),
    FILES_CLEANUP_INTERVAL_SECONDS: z.coerce.number().int().min(1).default(15 * 60),
    FILES_THUMBNAIL_SIZE: z.coerce.number().int().min(16).max(2048).default(256),
    ...attachmentTicketEnv,
  })
  .refine((e) => e.FILES_STORAGE !== 's3' || e.FILES_S3_BUCKET, { message: 'FILES_S3_BUCKET must be set when FILES_STORAGE=s3', path: ['FILES_S3_BUCKET'] })
  .refine((e) => e.NODE_ENV !== 'production' || e.FILES_SIGNING_SECRET, { message: 'FILES_SIGNING_SECRET must be set in production', path: ['FILES_SIGNING_SECRET'] })
  .refine((e) => e.NODE_ENV !== 'production' || e.ATTACHMENT_TICKET_SECRET, { message: 'ATTACHMENT_TICKET_SECRET must be set in production', path: ['ATTACHMENT_TICKET_SECRET'] })
  .refine((e) => !e.FILES_S3_ACCESS_KEY_ID === !e.FILES_S3_SECRET_ACCESS_KEY, { message: 'set both FILES_S3_ACCESS_KEY_ID and FILES_S3_SECRET_ACCESS_KEY, or neither', path: ['FILES_S3_ACCESS_KEY_ID'] })
  .transform((e) => ({
    storage:
      e.FILES_STORAGE === 's3'
        ? {
            kind: 's3' as const,
            bucket: e.FILES_S3_BUCKET!,
            endpoint: e.FILES_S3_ENDPOINT,
            region: e.FILES_S3_REGION,
            forcePathStyle: e.FILES_S3_FORCE_PATH_STYLE,
            credentials: e.FILES_S3_ACCESS_KEY_ID ? { accessKeyId: e.FILES_S3_ACCESS_KEY_ID, secretAccessKey: e.FILES_S3_SECRET_ACCESS_KEY! } : undefined,
            partSize: e.FILES_S3_PART_SIZE_MB * MiB,
          }
        : { kind: 'local' as const, dir: e.FILES_DIR },
    uploadsDir: e.FILES_UPLOADS_DIR,
    publicUrl: e.FILES_PUBLIC_URL.replace(/\/+$/, ''),
    signingSecret: e.FILES_SIGNING_SECRET ?? DEV_SIGNING_SECRET,
    urlTtlSeconds: e.FILES_URL_TTL_SECONDS,
    maxUploadBytes: e.FILES_MAX_UPLOAD_BYTES,
    inlineMaxBytes: e.FILES_INLINE_MAX_BYTES,
    allowedTypes: new Set(e.FILES_ALLOWED_TYPES),
    quotaBytes: e.FILES_QUOTA_BYTES,
    uploadExpiryMs: e.FILES_UPLOAD_EXPIRY_SECONDS * 1000,
    cleanupIntervalMs: e.FILES_CLEANUP_INTERVAL_SECONDS * 1000,
    thumbnailSize: e.FILES_THUMBNAIL_SIZE,
    /** Verifies the tickets of attached files (docs/adr/0012-file-attachments.md). */
    attachmentTicketSecret: attachmentTicketSecret(e.NODE_ENV, e.ATTACHMENT_TICKET_SECRET),
  }));

export type FilesSettings = z.output<typeof filesEnv>;
export type StorageSettings = FilesSettings['storage'];

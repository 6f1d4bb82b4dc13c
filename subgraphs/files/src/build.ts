import { createSubgraph, deadLetterAdminResolvers, mergeResolvers, type BuildDeps, type BuiltSubgraph, type RequestHandler } from '@mosaic/kit';
import { accountEvents } from '@mosaic/accounts/events';
import { AttachmentTickets } from './attachments/tickets';
import type { Context } from './context';
import { createLoaders } from './data/loaders';
import { forgetDeletedAccount } from './domain/account-deleted';
import { applyPlanChange, planQuota, type QuotaPolicy } from './domain/quota';
import { tenancyEvents } from '@mosaic/tenancy/events';
import { UrlSigner } from './domain/signed-urls';
import { generateThumbnail } from './domain/thumbnails';
import type { FilesSettings } from './env';
import { filesEvents } from './events';
import { filesHttp } from './http/files-http';
import { TusUploads } from './http/tus-uploads';
import { openStorage } from './providers/open-storage';
import type { ObjectStorage } from './providers/storage';
import { resolvers } from './resolvers';
import type { FilesRuntime } from './runtime';

export interface BuiltFiles extends BuiltSubgraph {
  publicHttp: RequestHandler;
  /** For tests and benchmarks. */
  runtime: FilesRuntime;
  storage: ObjectStorage;
  tus: TusUploads;
  signer: UrlSigner;
  /** Removes staged uploads past FILES_UPLOAD_EXPIRY_SECONDS (the job runs this every FILES_CLEANUP_INTERVAL_SECONDS). */
  expireUploads: () => Promise<number>;
  close: () => Promise<void>;
}

/**
 * The GraphQL subgraph and the files HTTP paths (`publicHttp` under `/files`: uploads, tus,
 * signed downloads, public links), over one storage (local disk or S3). Consumes its own
 * `file.uploaded` (thumbnails) and accounts' `account.deleted`.
 */
export async function buildSubgraph(deps: BuildDeps, settings: FilesSettings, quota: QuotaPolicy = planQuota(deps.db, settings.quotaBytes)): Promise<BuiltFiles> {
  const storage = await openStorage(settings.storage);
  const runtime: FilesRuntime = { db: deps.db, storage, settings, events: deps.events.outbox(filesEvents), quota, now: deps.now, log: deps.log };
  const signer = new UrlSigner(settings.signingSecret, settings.publicUrl);
  const tickets = new AttachmentTickets(settings.attachmentTicketSecret);
  const tus = new TusUploads(runtime, deps.verifier);

  deps.events.on(filesEvents, 'file.uploaded', generateThumbnail(runtime), { group: 'thumbnails' });
  // Per-user data goes with the account (at least once; the inbox makes a repeat change nothing).
  deps.events.on(accountEvents, 'account.deleted', forgetDeletedAccount(runtime), { group: 'account-deleted' });
  // Organisations' storage entitlements (quota of uploads made within one).
  deps.events.on(tenancyEvents, 'plan.changed', applyPlanChange, { group: 'organization-plans' });

  const expireUploads = () => tus.expire(deps.now());
  const cleanup = setInterval(() => {
    expireUploads().catch((error: unknown) => deps.log.warn({ err: error }, 'could not expire abandoned uploads'));
  }, settings.cleanupIntervalMs);
  cleanup.unref();

  const subgraph = createSubgraph<Context>({
    deps,
    resolvers: mergeResolvers(resolvers, deadLetterAdminResolvers(deps.name, deps.events)),
    context: (base) => ({ ...base, ...runtime, loaders: createLoaders(deps.db), signer, tickets }),
  });
  return {
    subgraph,
    publicHttp: filesHttp(runtime, deps.verifier, signer, tus, tickets),
    runtime,
    storage,
    tus,
    signer,
    expireUploads,
    async close() {
      clearInterval(cleanup);
      await storage.close?.();
    },
  };
}

import { createSubgraph, type BuildDeps, type BuiltSubgraph, type RequestHandler } from '@mosaic/kit';
import type { Context } from './context';
import { createLoaders } from './data/loaders';
import { LinkCache } from './domain/redirect/link-cache';
import { PasswordGate } from './domain/redirect/password-gate';
import { QrCodes } from './domain/redirect/qr-codes';
import { redirectHandler } from './domain/redirect/redirect-handler';
import { TitleFetcher } from './domain/titles/title-fetcher';
import { openCountryLookup } from './domain/visits/geoip';
import { VisitFacts } from './domain/visits/visit-facts';
import { VisitRecorder } from './domain/visits/visit-recorder';
import type { LinksSettings } from './env';
import { resolvers } from './resolvers';

export interface BuiltLinks extends BuiltSubgraph {
  publicHttp: RequestHandler;
  /** For tests and benchmarks: the visit queue (flush it to see visits at once), the redirect cache, the title queue. */
  visits: VisitRecorder;
  cache: LinkCache;
  titles: TitleFetcher;
  close: () => Promise<void>;
}

/**
 * The GraphQL subgraph and the redirect server (`publicHttp`, mounted at `/` by the platform:
 * `deployment.publicPaths`), sharing the cache and the visit queue. `close` writes the queued
 * visits before it returns.
 */
export async function buildSubgraph(deps: BuildDeps, settings: LinksSettings): Promise<BuiltLinks> {
  const { db, log, now } = deps;
  const cache = new LinkCache({ db, shared: deps.caches.shared ? deps.caches.store('links') : null, pubsub: deps.pubsub, log }, settings.cacheEntries);
  await cache.start();
  const visits = new VisitRecorder({ db, log, facts: new VisitFacts(await openCountryLookup(settings.geoIpDatabase, log)), settings: settings.visits });
  visits.start();
  const titles = new TitleFetcher({ db, log, mode: settings.titleFetch });
  const subgraph = createSubgraph<Context>({
    deps,
    resolvers,
    context: (base) => ({ ...base, db, now, requestedAt: now(), settings, loaders: createLoaders(db), cache, titles }),
  });
  const publicHttp = redirectHandler({ cache, visits, passwords: new PasswordGate(), qrCodes: new QrCodes(), db, log, now, publicUrl: settings.publicUrl, trustProxy: settings.trustProxy });
  return {
    subgraph,
    publicHttp,
    visits,
    cache,
    titles,
    async close() {
      await titles.close();
      await visits.close();
      await cache.close();
    },
  };
}

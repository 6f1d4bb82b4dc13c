import { count, sql } from 'drizzle-orm';
import { createTestAuth, createTestDatabase, graphql, serveModuleForTest, StatementCounter, type TestAuth, type TestDatabase, type TestDeps } from '@mosaic/testing';
import type { SubgraphDeps } from '@mosaic/kit';
import type { BuiltLinks } from '../src/build';
import { links, orphanVisits, visits } from '../src/data/tables';
import linksSubgraph from '../src/index';

/** Settings tests run with unless they say otherwise: no title fetching, visits written quickly. */
export const TEST_ENV: NodeJS.ProcessEnv = { LINKS_TITLE_FETCH: 'off', LINKS_VISIT_FLUSH_MS: '50' };

export interface StartOptions {
  env?: NodeJS.ProcessEnv;
  /** Several replicas share one database (and whatever pub/sub and caches they are given). */
  database?: TestDatabase;
  auth?: TestAuth;
  deps?: Partial<Pick<SubgraphDeps, 'pubsub' | 'caches' | 'now'>>;
}

/**
 * The links subgraph over real HTTP on a fresh database, with real tokens and a statement counter:
 * `url` is its GraphQL endpoint, `origin` serves the short links (`${origin}/<code>`).
 */
export async function startLinks(options: StartOptions = {}) {
  const database = options.database ?? (await createTestDatabase());
  const auth = options.auth ?? (await createTestAuth());
  const counter = new StatementCounter();
  const deps: TestDeps<SubgraphDeps> = { db: database.db(counter.observe), client: database.client, verifier: auth.verifier, ...options.deps };
  const served = await serveModuleForTest(linksSubgraph, deps, { ...TEST_ENV, LINKS_PUBLIC_URL: 'http://short.test', ...options.env });
  const built = served.built as BuiltLinks;
  const call = (query: string, variables: Record<string, unknown> = {}, token?: string) => graphql(served.url, query, variables, { token });
  const db = database.db();
  return {
    auth,
    counter,
    call,
    built,
    database,
    origin: served.origin,
    /** A request for a short URL as a browser sends it (redirects not followed). */
    visit: (path: string, init: RequestInit = {}) => fetch(`${served.origin}${path}`, { redirect: 'manual', ...init }),
    /** Links stored, and visits and orphan visits counted (rows hold a count each). */
    rows: async () => ({
      links: (await db.select({ n: count() }).from(links))[0]!.n,
      visits: (await db.select({ n: sql<number>`coalesce(sum(${visits.visits}), 0)`.mapWith(Number) }).from(visits))[0]!.n,
      orphans: (await db.select({ n: sql<number>`coalesce(sum(${orphanVisits.visits}), 0)`.mapWith(Number) }).from(orphanVisits))[0]!.n,
    }),
    async close() {
      await served.close();
      if (!options.database) await database.drop();
    },
  };
}

export type LinksApp = Awaited<ReturnType<typeof startLinks>>;

export const SHORTEN = `mutation($input: ShortenLinkInput!) {
  shortenLink(input: $input) { id code shortUrl qrCodeUrl targetUrl title tags redirectType expiresAt maxVisits passwordProtected disabled state visitCount owner { id } }
}`;
export const UPDATE = `mutation($id: ID!, $input: UpdateLinkInput!) { updateLink(id: $id, input: $input) { id code targetUrl title tags redirectType expiresAt maxVisits passwordProtected disabled state } }`;
export const DELETE = `mutation($id: ID!) { deleteLink(id: $id) { deletedId } }`;
export const FIND = `query($id: ID!) { link(id: $id) { id code targetUrl visitCount } }`;
export const BY_CODE = `query($code: String!) { linkByCode(code: $code) { id code } }`;
/** `User.links` as the gateway asks for it: `_entities` with user representations. */
export const LIST_OF = `query($reps: [_Any!]!, $first: Int, $after: String, $filter: LinkFilter, $orderBy: LinkOrder) {
  _entities(representations: $reps) { ... on User { links(first: $first, after: $after, filter: $filter, orderBy: $orderBy) { edges { node { code state visitCount } } pageInfo { hasNextPage endCursor } } } }
}`;

export const userRep = (publicId: string) => ({ __typename: 'User', id: publicId });

/** Shortens `url` as `token`'s user and returns the created link (throws on any error). */
export async function shorten(app: LinksApp, token: string, input: Record<string, unknown>) {
  const result = await app.call(SHORTEN, { input }, token);
  if (result.errors) throw new Error(JSON.stringify(result.errors));
  return result.data!.shortenLink as { id: string; code: string; shortUrl: string; qrCodeUrl: string; targetUrl: string; state: string };
}

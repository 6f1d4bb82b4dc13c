import { basename, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { DocumentNode } from 'graphql';
import type { JSONWebKeySet } from 'jose';
import type { z } from 'zod';
import type { ScopeDeclarations } from '../auth/scopes';
import type { CacheStores } from '../cache/cache-store';
import type { TokenVerifier } from '../auth/token-verifier';
import type { Db } from '../db/database';
import type { MigrationSet } from '../db/migrate';
import { parseEnv } from '../env/parse-env';
import type { RequestHandler } from '../http/graphql-handler';
import type { Routes } from '../http/http-server';
import type { Logger } from '../logger';
import type { PubSub } from '../pubsub/pubsub';
import { withDeadLetterAdmin } from '../events/admin-schema';
import { loadTypeDefs } from './load-type-defs';
import type { SubgraphEvents } from '../events/event-bus';
import type { Subgraph } from './subgraph';

/** What the platform gives every subgraph, whichever way it runs. */
export interface SubgraphDeps {
  db: Db;
  verifier: TokenVerifier;
  log: Logger;
  /** Live-event fan-out: in-process in all-in-one, Redis in services mode. */
  pubsub: PubSub;
  /** Caches: in-process in all-in-one, Redis shared by the replicas in services mode. */
  caches: CacheStores;
  /** The clock; tests move it. */
  now: () => Date;
  /**
   * Domain events of this subgraph: `events.outbox(catalog)` for the ones it emits (in the
   * transaction of the change), `events.on(catalog, type, handler)` for the ones it consumes.
   * The platform starts relay and consumers after `build()`.
   */
  events: SubgraphEvents;
}

/** What a subgraph's `build` gets: the platform's dependencies and its own identity. */
export type BuildDeps<D extends SubgraphDeps = SubgraphDeps> = D & {
  name: string;
  typeDefs: DocumentNode;
};

export interface BuiltSubgraph {
  subgraph: Subgraph;
  /** Extra HTTP routes the subgraph serves beside /graphql (e.g. a JWKS). */
  routes?: Routes;
  /**
   * Serves the public paths declared in `deployment.publicPaths` (e.g. short links at `/<code>`):
   * every request under them that no exact route claims. The all-in-one gateway's HTTP server hands
   * such requests to it in process; in services mode its own server does, behind the ingress (or
   * the gateway's forwarding, `PUBLIC_PATH_UPSTREAMS`).
   */
  publicHttp?: RequestHandler;
  /**
   * Public keys of the access tokens this subgraph issues: the platform's token verifiers in the
   * same process trust them without fetching the JWKS over HTTP.
   */
  tokenKeys?: JSONWebKeySet;
  /** Background work to stop on shutdown (relays, timers, feeds). */
  close?: () => Promise<void>;
}

/** How the generated deployment files (docker-compose.yml, deploy/k8s) run this subgraph. */
export interface DeploymentTraits {
  /** Secrets it reads beyond the shared DATABASE_URL and GATEWAY_SHARED_SECRET: name → how to make one. */
  secrets?: Readonly<Record<string, string>>;
  /** Where it publishes the JWKS every service verifies access tokens with (the token issuer). */
  jwksPath?: string;
  /** Non-secret variables it is deployed with. */
  env?: Readonly<Record<string, string>>;
  /** Why exactly one replica may run (e.g. it owns an upstream feed); unset = it scales out. */
  singleReplica?: string;
  /**
   * Path prefixes this subgraph serves to the public beside the gateway (with `publicHttp`), e.g.
   * `['/']` for short links at the root. The gateway's own paths (`GATEWAY_PATHS`) always take
   * precedence; the ingress routes these prefixes straight to the subgraph.
   */
  publicPaths?: readonly string[];
}

export interface DemoAccount {
  email: string;
  password: string;
  displayName: string;
}

export type DemoAccountName = 'user' | 'admin';

/**
 * Who a seed acts as: a demo account, or a demo account switched to its first organisation
 * (its oldest membership) — for demo data shared within an organisation.
 */
export type DemoIdentity = DemoAccountName | { account: DemoAccountName; inOrganization: true };

/** What a subgraph's `seed` gets: its own API and database, and the demo accounts. */
export interface SeedContext {
  db: Db;
  log: Logger;
  demo: Readonly<Record<DemoAccountName, DemoAccount>>;
  /**
   * A GraphQL operation against this subgraph, as a demo account (see `DemoSession`)
   * or anonymously; throws on any error, so a broken seed stops the start loudly.
   */
  graphql<D = Record<string, unknown>>(query: string, variables?: Record<string, unknown>, as?: DemoIdentity | null): Promise<D>;
}

/**
 * Signs a demo account in for seeding — creating it, with its role, when it does not exist yet —
 * and returns an access token. Exactly one subgraph provides it: the one that signs people in.
 */
export type DemoSession = (context: SeedContext, account: DemoAccountName, options?: { inOrganization?: boolean }) => Promise<string>;

/**
 * How a subgraph presents itself to the platform (registry, composition, all-in-one, services mode,
 * deployment files): the default export of `subgraphs/<name>/src/index.ts`.
 */
export interface SubgraphModule<D extends SubgraphDeps = SubgraphDeps> {
  /** The folder's name; also its PostgreSQL schema and its service name. */
  name: string;
  typeDefs: DocumentNode;
  migrations: MigrationSet;
  scopes: ScopeDeclarations;
  deployment: DeploymentTraits;
  /**
   * Its tables are guarded by row-level security (`withTenant`): requests then connect as the
   * non-owner app role (DATABASE_APP_USER) — migrations, event relay and consumers stay with the owner.
   */
  rowLevelSecurity: boolean;
  /**
   * Reads the subgraph's own settings from `env` (all problems reported at once, before anything
   * starts) and returns the function that builds it.
   */
  configure(env?: NodeJS.ProcessEnv): (deps: D) => Promise<BuiltSubgraph>;
  /** Demo data for `pnpm start`, run once per database. */
  seed?: (context: SeedContext) => Promise<void>;
  demoSession?: DemoSession;
}

export interface SubgraphDefinition<D extends SubgraphDeps, S> {
  /** Scopes the SDL's `@requiresScopes` uses, and the roles that hold them. */
  scopes?: ScopeDeclarations;
  /** The subgraph's own environment variables (a zod model over process.env). */
  settings?: z.ZodType<S>;
  deployment?: DeploymentTraits;
  /**
   * It consumes domain events: its schema gains `<name>DeadLetters` / `replay<Name>DeadLetter`
   * (admins), whose resolvers its build merges in (`deadLetterAdminResolvers(deps.name, deps.events)`).
   */
  deadLetterAdmin?: boolean;
  /** Tenant-scoped tables with policies: requests connect as the non-owner app role (see `SubgraphModule`). */
  rowLevelSecurity?: boolean;
  seed?: (context: SeedContext) => Promise<void>;
  demoSession?: DemoSession;
  build(deps: BuildDeps<D>, settings: S): BuiltSubgraph | Promise<BuiltSubgraph>;
}

/**
 * A subgraph module by the layout convention: `subgraphs/<name>/src/index.ts` calls this with its
 * `import.meta.url`; the SDL is `src/schema.graphql`, the PostgreSQL schema is `<name>` and its
 * drizzle-kit migrations sit in `<name>/drizzle`.
 */
export function defineSubgraph<D extends SubgraphDeps = SubgraphDeps, S = undefined>(moduleUrl: string, definition: SubgraphDefinition<D, S>): SubgraphModule<D> {
  const sourceDir = dirname(fileURLToPath(moduleUrl));
  const name = basename(dirname(sourceDir));
  const { settings, build } = definition;
  const ownTypeDefs = loadTypeDefs(new URL('./schema.graphql', moduleUrl));
  const typeDefs = definition.deadLetterAdmin ? withDeadLetterAdmin(name, ownTypeDefs) : ownTypeDefs;
  return {
    name,
    typeDefs,
    migrations: { schema: name, folder: fileURLToPath(new URL('../drizzle', moduleUrl)) },
    scopes: definition.scopes ?? {},
    deployment: definition.deployment ?? {},
    rowLevelSecurity: definition.rowLevelSecurity ?? false,
    ...(definition.seed ? { seed: definition.seed } : {}),
    ...(definition.demoSession ? { demoSession: definition.demoSession } : {}),
    configure(env = process.env) {
      const parsed = (settings ? parseEnv({ [name]: settings }, env)[name] : undefined) as S;
      return async (deps) => build({ ...deps, name, typeDefs }, parsed);
    },
  };
}

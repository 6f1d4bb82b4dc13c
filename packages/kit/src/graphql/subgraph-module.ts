import { fileURLToPath } from 'node:url';
import type { DocumentNode } from 'graphql';
import type { TokenVerifier } from '../auth/token-verifier';
import type { Db } from '../db/database';
import type { MigrationSet } from '../db/migrate';
import type { Routes } from '../http/http-server';
import type { Logger } from '../logger';
import type { PubSub } from '../pubsub/pubsub';
import type { SubgraphEvents } from '../events/event-bus';
import type { Subgraph } from './subgraph';

/** What the platform gives every subgraph, whichever way it runs. */
export interface SubgraphDeps {
  db: Db;
  verifier: TokenVerifier;
  log: Logger;
  /** Live-event fan-out: in-process in all-in-one, Redis in services mode. */
  pubsub: PubSub;
  /**
   * Domain events of this subgraph: `events.outbox(catalog)` for the ones it emits (in the
   * transaction of the change), `events.on(catalog, type, handler)` for the ones it consumes.
   * The platform starts relay and consumers after `build()`.
   */
  events: SubgraphEvents;
}

export interface BuiltSubgraph {
  subgraph: Subgraph;
  /** Extra HTTP routes the subgraph serves beside /graphql (e.g. accounts' JWKS). */
  routes?: Routes;
  /** Background work to stop on shutdown (relays, timers). */
  close?: () => Promise<void>;
}

/**
 * How a subgraph presents itself to the platform (composition, all-in-one, services mode): one
 * per `subgraphs/<name>/src/index.ts`.
 */
export interface SubgraphModule<D extends SubgraphDeps = SubgraphDeps> {
  name: string;
  /** Port in services mode and in the committed supergraph's routing URL. */
  defaultPort: number;
  typeDefs: DocumentNode;
  migrations: MigrationSet;
  build(deps: D): BuiltSubgraph | Promise<BuiltSubgraph>;
}

/**
 * A subgraph module by the layout convention: its PostgreSQL schema is named after it and its
 * drizzle-kit migrations sit in `<package>/drizzle` (beside `src/`, where `moduleUrl` points).
 */
export function defineSubgraph<D extends SubgraphDeps>(moduleUrl: string, module: Omit<SubgraphModule<D>, 'migrations'>): SubgraphModule<D> {
  return { ...module, migrations: { schema: module.name, folder: fileURLToPath(new URL('../drizzle', moduleUrl)) } };
}

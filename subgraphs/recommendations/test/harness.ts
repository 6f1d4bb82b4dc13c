import { count } from 'drizzle-orm';
import { randomUUID } from 'node:crypto';
import { currentRequestId, encodeId } from '@mosaic/kit';
import { createTestAuth, createTestDatabase, graphql, serveModuleForTest, StatementCounter } from '@mosaic/testing';
import { interactions, type ItemKind } from '../src/data/tables';
import { registerItem, TYPE_OF_KIND } from '../src/domain/items';
import recommendationsSubgraph from '../src/index';

/** The recommendations subgraph over real HTTP on a fresh database, with real tokens and a statement counter. */
export async function startRecommendations(env: NodeJS.ProcessEnv = {}) {
  const database = await createTestDatabase();
  const auth = await createTestAuth();
  const counter = new StatementCounter();
  // Only statements of GraphQL requests count: the model runtime's background polls do not.
  const db = database.db((query, params) => {
    if (currentRequestId() !== undefined) counter.observe(query, params);
  });
  const serve = () => serveModuleForTest(recommendationsSubgraph, { db, client: database.client, verifier: auth.verifier }, { RECOMMENDATIONS_RETRAIN_MINUTES: '0', ...env });
  const served = await serve();
  const call = (query: string, variables: Record<string, unknown> = {}, token?: string) => graphql(served.url, query, variables, { token });
  return {
    auth,
    counter,
    call,
    db: database.db(),
    /** A second replica on the same database. */
    serve,
    /** Lists an item as its owning subgraph's event would; returns its public id. */
    async listItem(kind: ItemKind, title: string, category: string | null, tags: string[] = [], listedAt = new Date(Date.now() - 86_400_000)) {
      const id = randomUUID();
      await registerItem(database.db(), { kind, id, title, category, tags, listedAt });
      return encodeId(TYPE_OF_KIND[kind], id);
    },
    rowCount: async () => (await database.db().select({ n: count() }).from(interactions))[0]!.n,
    async close() {
      await served.close();
      await database.drop();
    },
  };
}

export const RECORD = `mutation($input: RecordInteractionInput!) { recordInteraction(input: $input) { id kind rating source item { __typename ... on Product { id } ... on Post { id } } } }`;
export const RETRAIN = `mutation { retrainRecommendations { version users items interactions } }`;
/** `User.recommendations` as the gateway asks for it: `_entities` with user representations. */
export const RECOMMENDATIONS_OF = `query($reps: [_Any!]!, $kind: ItemKind!, $first: Int) {
  _entities(representations: $reps) { ... on User { recommendations(kind: $kind, first: $first) { item { ... on Product { id } ... on Post { id } } score reason source } } }
}`;
export const INTERACTIONS_OF = `query($reps: [_Any!]!, $first: Int, $after: String) {
  _entities(representations: $reps) { ... on User { interactions(first: $first, after: $after) { edges { node { kind } } pageInfo { hasNextPage endCursor } } } }
}`;
export const userRep = (publicId: string) => ({ __typename: 'User', id: publicId });

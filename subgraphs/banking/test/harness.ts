import { count } from 'drizzle-orm';
import { createTestAuth, createTestDatabase, graphql, serveModuleForTest, StatementCounter } from '@mosaic/testing';
import { bankAccounts } from '../src/data/tables';
import bankingSubgraph from '../src/index';

/** The banking subgraph over real HTTP on a fresh database, with real tokens and a statement counter. */
export async function startBanking(env: NodeJS.ProcessEnv = {}) {
  const database = await createTestDatabase();
  const auth = await createTestAuth();
  const counter = new StatementCounter();
  const served = await serveModuleForTest(bankingSubgraph, { db: database.db(counter.observe), client: database.client, verifier: auth.verifier }, env);
  const call = (query: string, variables: Record<string, unknown> = {}, token?: string) => graphql(served.url, query, variables, { token });
  return {
    auth,
    counter,
    call,
    rowCount: async () => (await database.db().select({ n: count() }).from(bankAccounts))[0]!.n,
    async close() {
      await served.close();
      await database.drop();
    },
  };
}

export const CREATE = `mutation($input: CreateBankAccountInput!) { createBankAccount(input: $input) { id name owner { id } } }`;
export const FIND = `query($id: ID!) { bankAccount(id: $id) { id name } }`;
/** `User.bankAccounts` as the gateway asks for it: `_entities` with user representations. */
export const LIST_OF = `query($reps: [_Any!]!, $first: Int, $after: String) {
  _entities(representations: $reps) { ... on User { bankAccounts(first: $first, after: $after) { edges { node { name } } pageInfo { hasNextPage endCursor } } } }
}`;

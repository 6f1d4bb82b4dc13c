import { count } from 'drizzle-orm';
import { createTestAuth, createTestDatabase, graphql, serveModuleForTest, StatementCounter } from '@mosaic/testing';
import { expenseAccounts } from '../src/data/tables';
import expensesSubgraph from '../src/index';

/** The expenses subgraph over real HTTP on a fresh database, with real tokens and a statement counter. */
export async function startExpenses(env: NodeJS.ProcessEnv = {}) {
  const database = await createTestDatabase();
  const auth = await createTestAuth();
  const counter = new StatementCounter();
  const served = await serveModuleForTest(expensesSubgraph, { db: database.db(counter.observe), client: database.client, verifier: auth.verifier }, env);
  const call = (query: string, variables: Record<string, unknown> = {}, token?: string) => graphql(served.url, query, variables, { token });
  return {
    auth,
    counter,
    call,
    rowCount: async () => (await database.db().select({ n: count() }).from(expenseAccounts))[0]!.n,
    async close() {
      await served.close();
      await database.drop();
    },
  };
}

export const CREATE = `mutation($input: CreateExpenseAccountInput!) { createExpenseAccount(input: $input) { id name owner { id } } }`;
export const FIND = `query($id: ID!) { expenseAccount(id: $id) { id name } }`;
/** `User.expenseAccounts` as the gateway asks for it: `_entities` with user representations. */
export const LIST_OF = `query($reps: [_Any!]!, $first: Int, $after: String) {
  _entities(representations: $reps) { ... on User { expenseAccounts(first: $first, after: $after) { edges { node { name } } pageInfo { hasNextPage endCursor } } } }
}`;

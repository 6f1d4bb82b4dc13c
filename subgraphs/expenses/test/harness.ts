import { count } from 'drizzle-orm';
import { createTestAuth, createTestDatabase, graphql, serveModuleForTest, StatementCounter } from '@mosaic/testing';
import { transactions } from '../src/data/tables';
import expensesSubgraph from '../src/index';

/** The expenses subgraph over real HTTP on a fresh database, with real tokens and a statement counter. */
export async function startExpenses(env: NodeJS.ProcessEnv = {}) {
  const database = await createTestDatabase();
  const auth = await createTestAuth();
  const counter = new StatementCounter();
  const served = await serveModuleForTest(expensesSubgraph, { db: database.db(counter.observe), client: database.client, verifier: auth.verifier }, env);
  const call = (query: string, variables: Record<string, unknown> = {}, token?: string) => graphql(served.url, query, variables, { token });
  /** Runs an operation that must succeed and returns its data. */
  const ok = async (query: string, variables: Record<string, unknown>, token: string) => {
    const result = await call(query, variables, token);
    if (result.errors) throw new Error(`unexpected errors: ${JSON.stringify(result.errors)}`);
    return result.data!;
  };
  return {
    auth,
    counter,
    call,
    ok,
    database,
    transactionCount: async () => (await database.db().select({ n: count() }).from(transactions))[0]!.n,
    async close() {
      await served.close();
      await database.drop();
    },
  };
}

export type Expenses = Awaited<ReturnType<typeof startExpenses>>;

export const CREATE_ACCOUNT = `mutation($input: CreateMoneyAccountInput!) { createMoneyAccount(input: $input) { id name kind currency balance owner { id } } }`;
export const CREATE_CATEGORY = `mutation($input: CreateExpenseCategoryInput!) { createExpenseCategory(input: $input) { id name path } }`;
export const CREATE_TRANSACTION = `mutation($input: MoneyTransactionInput!) { createMoneyTransaction(input: $input) {
  id kind amount currency toAmount occurredOn payee tags baseAmount
  account { id balance } toAccount { id balance }
  splits { amount baseAmount category { name path } }
  conversion { from to rate rateDate source }
} }`;
export const TRANSACTIONS = `query($filter: MoneyTransactionFilter, $first: Int, $after: String) { moneyTransactions(filter: $filter, first: $first, after: $after) {
  totalCount edges { node { payee amount occurredOn } } pageInfo { hasNextPage endCursor }
} }`;

/** Sets up a user with accounts and a category tree. */
export async function newHousehold(app: Expenses) {
  const user = await app.auth.newUser();
  const account = async (name: string, kind: string, currency: string, openingBalance = '0') =>
    ((await app.ok(CREATE_ACCOUNT, { input: { name, kind, currency, openingBalance } }, user.token)).createMoneyAccount as { id: string }).id;
  const category = async (name: string, parentId?: string) => ((await app.ok(CREATE_CATEGORY, { input: { name, parentId } }, user.token)).createExpenseCategory as { id: string }).id;
  const transaction = async (input: Record<string, unknown>) => (await app.ok(CREATE_TRANSACTION, { input }, user.token)).createMoneyTransaction as Record<string, unknown> & { id: string };
  return { user, account, category, transaction };
}

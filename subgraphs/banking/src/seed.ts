import type { SeedContext } from '@mosaic/kit';

const OPEN = `mutation($input: OpenBankAccountInput!) { openBankAccount(input: $input) { id } }`;
const DEPOSIT = `mutation($input: DepositFundsInput!) { depositFunds(input: $input) { id } }`;
const TRANSFER = `mutation($input: CreateTransferInput!) { createTransfer(input: $input) { id } }`;

type Opened = { openBankAccount: { id: string } };

/**
 * Demo data for `pnpm start`: the demo user has a checking and a savings account (EUR) with money
 * paid in by the bank and one transfer between them; the demo admin has one checking account.
 */
export async function seedBanking(seed: SeedContext): Promise<void> {
  const open = async (as: 'user' | 'admin', kind: string, name: string) =>
    (await seed.graphql<Opened>(OPEN, { input: { kind, currency: 'EUR', name, holderName: seed.demo[as].displayName } }, as)).openBankAccount.id;
  const checking = await open('user', 'CHECKING', 'Everyday');
  const savings = await open('user', 'SAVINGS', 'Rainy day');
  const adminChecking = await open('admin', 'CHECKING', 'Main');
  const deposit = (accountId: string, amount: string, key: string) => seed.graphql(DEPOSIT, { input: { idempotencyKey: key, accountId, amount, reference: 'Opening deposit' } }, 'admin');
  await deposit(checking, '250000', 'seed-user-checking');
  await deposit(savings, '1000000', 'seed-user-savings');
  await deposit(adminChecking, '500000', 'seed-admin-checking');
  await seed.graphql(TRANSFER, { input: { idempotencyKey: 'seed-to-savings', fromAccountId: checking, toAccountId: savings, amount: '20000', reference: 'Monthly saving' } }, 'user');
}

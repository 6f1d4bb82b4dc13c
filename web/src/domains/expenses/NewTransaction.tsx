import { useId, useState, type FormEvent } from 'react';
import { useMutation } from '@apollo/client/react';
import { WebCreateMoneyTransactionDocument, type WebExpensesQuery } from '../../graphql/graphql';
import { parseMoney, todayUtc } from '../../ui/format';
import { ErrorNotice } from '../../ui/status';
import { flatten } from './Budgets';

type Account = NonNullable<NonNullable<WebExpensesQuery['me']>['moneyAccounts']>['edges'][number]['node'];
type Category = NonNullable<WebExpensesQuery['expenseCategories']>[number];

export function NewTransaction({ accounts, categories, onCreated }: { accounts: readonly Account[]; categories: readonly Category[]; onCreated: () => void }) {
  const id = useId();
  const [create, { loading, error }] = useMutation(WebCreateMoneyTransactionDocument);
  const [accountId, setAccountId] = useState(accounts[0]?.id ?? '');
  const [invalid, setInvalid] = useState<string | null>(null);
  const currency = accounts.find((account) => account.id === accountId)?.currency ?? accounts[0]?.currency ?? 'EUR';
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = event.currentTarget;
    const values = new FormData(form);
    const amount = parseMoney(String(values.get('amount')), currency);
    if (!amount) return setInvalid(`Enter a positive amount in ${currency}.`);
    setInvalid(null);
    const category = String(values.get('category') ?? '');
    void create({
      variables: {
        input: {
          kind: values.get('kind') === 'INCOME' ? 'INCOME' : 'EXPENSE',
          accountId: String(values.get('account')),
          amount,
          occurredOn: String(values.get('occurredOn')),
          payee: String(values.get('payee') ?? '').trim() || null,
          categoryId: category || null,
        },
      },
    }).then(() => {
      form.reset();
      onCreated();
    }, () => undefined);
  };
  return (
    <form className="row-form card" onSubmit={onSubmit} aria-label="New transaction">
      <label htmlFor={`${id}-kind`}>Type</label>
      <select id={`${id}-kind`} name="kind" defaultValue="EXPENSE">
        <option value="EXPENSE">Expense</option>
        <option value="INCOME">Income</option>
      </select>
      <label htmlFor={`${id}-account`}>Account</label>
      <select id={`${id}-account`} name="account" value={accountId} onChange={(event) => setAccountId(event.target.value)}>
        {accounts.map((account) => (
          <option key={account.id} value={account.id}>
            {account.name} ({account.currency})
          </option>
        ))}
      </select>
      <label htmlFor={`${id}-amount`}>Amount ({currency})</label>
      <input id={`${id}-amount`} name="amount" required inputMode="decimal" className="narrow" aria-invalid={invalid ? true : undefined} aria-describedby={invalid ? `${id}-invalid` : undefined} />
      <label htmlFor={`${id}-date`}>Date</label>
      <input id={`${id}-date`} name="occurredOn" type="date" required defaultValue={todayUtc()} />
      <label htmlFor={`${id}-payee`}>Payee</label>
      <input id={`${id}-payee`} name="payee" maxLength={200} />
      <label htmlFor={`${id}-category`}>Category</label>
      <select id={`${id}-category`} name="category" defaultValue="">
        <option value="">None</option>
        {flatten(categories).map((category) => (
          <option key={category.id} value={category.id}>
            {category.path.join(' › ')}
          </option>
        ))}
      </select>
      <button type="submit" disabled={loading || accounts.length === 0}>
        {loading ? 'Saving…' : 'Add transaction'}
      </button>
      {invalid && (
        <p id={`${id}-invalid`} className="error" role="alert">
          {invalid}
        </p>
      )}
      {error && <ErrorNotice error={error} />}
    </form>
  );
}

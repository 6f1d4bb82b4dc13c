import { useId, useMemo } from 'react';
import { useQuery } from '@apollo/client/react';
import { WebExpensesDocument } from '../../graphql/graphql';
import { InOutBars } from '../../ui/charts';
import { currencyDecimals, formatDate, formatMoney, todayUtc } from '../../ui/format';
import { Empty, ErrorNotice, Loading } from '../../ui/status';
import { Budgets } from './Budgets';
import { NewTransaction } from './NewTransaction';

/** The report covers this month and the five before it. */
function reportRange(): { from: string; to: string } {
  const now = new Date();
  const from = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - 5, 1));
  return { from: from.toISOString().slice(0, 10), to: todayUtc() };
}

export default function ExpensesScreen() {
  const id = useId();
  const range = useMemo(reportRange, []);
  const { data, loading, error, refetch } = useQuery(WebExpensesDocument, { variables: range });
  const base = data?.expenseSettings?.baseCurrency ?? 'EUR';
  const accounts = data?.me?.moneyAccounts?.edges.map((edge) => edge.node) ?? [];
  const transactions = data?.moneyTransactions?.edges.map((edge) => edge.node) ?? [];
  const scale = 10 ** currencyDecimals(base);
  const bars = (data?.incomeVsExpense ?? []).map((period) => ({ time: period.start, income: Number(period.income) / scale, expense: Number(period.expense) / scale }));
  return (
    <section aria-labelledby={`${id}-title`}>
      <h1 id={`${id}-title`}>Expenses</h1>
      {loading && !data && <Loading label="Loading your books…" />}
      {error && <ErrorNotice error={error} retry={() => void refetch()} />}
      {data && (
        <>
          <ul className="cards" aria-label="Money accounts">
            {accounts.map((account) => (
              <li key={account.id} className="card">
                <h2>{account.name}</h2>
                <p className="meta">{account.kind.toLowerCase()}</p>
                <p className="big">{formatMoney(account.balance, account.currency)}</p>
              </li>
            ))}
          </ul>
          <div className="split">
            <section aria-labelledby={`${id}-report`} className="card">
              <h2 id={`${id}-report`}>Income and spending per month ({base})</h2>
              {bars.length > 0 ? <InOutBars bars={bars} label={`Income and spending per month in ${base}, last six months`} /> : <Empty>Nothing recorded in the last six months.</Empty>}
              <table className="table">
                <caption>Spending by category, last six months</caption>
                <thead>
                  <tr>
                    <th scope="col">Category</th>
                    <th scope="col">Spent</th>
                    <th scope="col">Share</th>
                  </tr>
                </thead>
                <tbody>
                  {(data.spendingByCategory ?? []).map((row) => (
                    <tr key={row.category?.id ?? 'none'}>
                      <td>{row.category?.path.join(' › ') ?? 'Uncategorised'}</td>
                      <td>{formatMoney(row.amount, row.currency)}</td>
                      <td>
                        <meter min={0} max={1} value={row.share} aria-label={`Share of ${row.category?.path.join(' › ') ?? 'uncategorised'}`} /> {Math.round(row.share * 100)} %
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </section>
            <Budgets budgets={data.budgets ?? []} categories={data.expenseCategories ?? []} baseCurrency={base} onChanged={() => void refetch()} />
          </div>
          <NewTransaction accounts={accounts} categories={data.expenseCategories ?? []} onCreated={() => void refetch()} />
          <table className="table" aria-labelledby={`${id}-tx`}>
            <caption id={`${id}-tx`}>Transactions ({data.moneyTransactions?.totalCount ?? 0})</caption>
            <thead>
              <tr>
                <th scope="col">Date</th>
                <th scope="col">Payee</th>
                <th scope="col">Category</th>
                <th scope="col">Account</th>
                <th scope="col">Amount</th>
              </tr>
            </thead>
            <tbody>
              {transactions.map((tx) => (
                <tr key={tx.id}>
                  <td>{formatDate(tx.occurredOn)}</td>
                  <td>{tx.payee ?? tx.notes ?? '—'}</td>
                  <td>{tx.splits.map((split) => split.category?.path.join(' › ') ?? '—').join(', ') || '—'}</td>
                  <td>{tx.account.name}</td>
                  <td className={tx.kind === 'INCOME' ? 'up' : tx.kind === 'EXPENSE' ? 'down' : undefined}>
                    {tx.kind === 'EXPENSE' ? '−' : tx.kind === 'INCOME' ? '+' : '⇄ '}
                    {formatMoney(tx.amount, tx.currency)}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          {transactions.length === 0 && <Empty>No transactions yet.</Empty>}
        </>
      )}
    </section>
  );
}

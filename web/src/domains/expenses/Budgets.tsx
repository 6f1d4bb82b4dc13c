import { useId, type FormEvent } from 'react';
import { useMutation } from '@apollo/client/react';
import { WebCreateBudgetDocument, type WebExpensesQuery } from '../../graphql/graphql';
import { formatDate, formatMoney, parseMoney } from '../../ui/format';
import { Empty, ErrorNotice } from '../../ui/status';

type Budget = NonNullable<WebExpensesQuery['budgets']>[number];
type Category = NonNullable<WebExpensesQuery['expenseCategories']>[number];

export function Budgets({ budgets, categories, baseCurrency, onChanged }: { budgets: readonly Budget[]; categories: readonly Category[]; baseCurrency: string; onChanged: () => void }) {
  const id = useId();
  const [create, { loading, error }] = useMutation(WebCreateBudgetDocument);
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = event.currentTarget;
    const values = new FormData(form);
    const amount = parseMoney(String(values.get('amount')), baseCurrency);
    if (!amount) return;
    void create({ variables: { input: { categoryId: String(values.get('category')), period: values.get('period') === 'WEEKLY' ? 'WEEKLY' : 'MONTHLY', amount } } }).then(() => {
      form.reset();
      onChanged();
    }, () => undefined);
  };
  return (
    <section aria-labelledby={`${id}-title`} className="card">
      <h2 id={`${id}-title`}>Budgets</h2>
      {budgets.length === 0 && <Empty>No budgets yet.</Empty>}
      <ul className="budgets" aria-label="Budgets">
        {budgets.map((budget) => {
          const status = budget.status;
          const name = budget.category.path.join(' › ');
          return (
            <li key={budget.id}>
              <strong>{name}</strong> <span className="meta">({budget.period.toLowerCase()})</span>
              {status && (
                <>
                  <progress max={Math.max(Number(status.available), 1)} value={Math.min(Number(status.spent), Number(status.available))} aria-label={`${name}: spent of budget`} className={Number(status.remaining) < 0 ? 'over' : undefined} />
                  <span className="meta">
                    {formatMoney(status.spent, baseCurrency)} of {formatMoney(status.available, baseCurrency)} · {Number(status.remaining) < 0 ? `${formatMoney(-Number(status.remaining), baseCurrency)} over` : `${formatMoney(status.remaining, baseCurrency)} left`} until {formatDate(status.end)}
                  </span>
                </>
              )}
            </li>
          );
        })}
      </ul>
      <form className="row-form" onSubmit={onSubmit} aria-label="New budget">
        <label htmlFor={`${id}-category`}>Category</label>
        <select id={`${id}-category`} name="category" required>
          {flatten(categories).map((category) => (
            <option key={category.id} value={category.id}>
              {category.path.join(' › ')}
            </option>
          ))}
        </select>
        <label htmlFor={`${id}-period`}>Period</label>
        <select id={`${id}-period`} name="period" defaultValue="MONTHLY">
          <option value="MONTHLY">Monthly</option>
          <option value="WEEKLY">Weekly</option>
        </select>
        <label htmlFor={`${id}-amount`}>Limit ({baseCurrency})</label>
        <input id={`${id}-amount`} name="amount" required inputMode="decimal" pattern="\d+([.,]\d{1,2})?" className="narrow" />
        <button type="submit" disabled={loading}>
          Add budget
        </button>
        {error && <ErrorNotice error={error} />}
      </form>
    </section>
  );
}

/** Top-level categories and their children, in tree order. */
export function flatten(categories: readonly Category[]): { id: string; path: readonly string[] }[] {
  return categories.flatMap((category) => [{ id: category.id, path: category.path }, ...category.children.map((child) => ({ id: child.id, path: child.path }))]);
}

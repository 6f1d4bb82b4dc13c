import { useId, type FormEvent } from 'react';
import { useMutation, useQuery } from '@apollo/client/react';
import { WebCreatePriceAlertDocument, WebDeletePriceAlertDocument, WebPriceAlertsDocument, type PriceAlertCondition } from '../../graphql/graphql';
import { formatMinor } from '../../ui/format';
import { Empty, ErrorNotice, Loading } from '../../ui/status';

export function PriceAlerts({ symbols }: { symbols: readonly string[] }) {
  const { data, loading, error, refetch } = useQuery(WebPriceAlertsDocument);
  const [create, creating] = useMutation(WebCreatePriceAlertDocument);
  const [remove] = useMutation(WebDeletePriceAlertDocument);
  const alerts = data?.me?.priceAlerts ?? [];
  const id = useId();
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = event.currentTarget;
    const values = new FormData(form);
    const condition = String(values.get('condition')) as PriceAlertCondition;
    const amount = Number(values.get('amount'));
    const input =
      condition === 'PERCENT_MOVE'
        ? { symbol: String(values.get('symbol')), condition, percent: amount, windowMinutes: 60 }
        : { symbol: String(values.get('symbol')), condition, price: Math.round(amount * 100) };
    void create({ variables: { input } }).then(
      () => {
        form.reset();
        void refetch();
      },
      () => undefined,
    );
  };
  return (
    <section aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>Price alerts</h2>
      <form className="row-form" onSubmit={onSubmit} aria-label="New price alert">
        <label htmlFor={`${id}-symbol`}>Symbol</label>
        <select id={`${id}-symbol`} name="symbol" required>
          {symbols.map((symbol) => (
            <option key={symbol}>{symbol}</option>
          ))}
        </select>
        <label htmlFor={`${id}-condition`}>When</label>
        <select id={`${id}-condition`} name="condition">
          <option value="ABOVE">price rises above</option>
          <option value="BELOW">price falls below</option>
          <option value="PERCENT_MOVE">moves by % in an hour</option>
        </select>
        <label htmlFor={`${id}-amount`}>Amount</label>
        <input id={`${id}-amount`} name="amount" type="number" step="0.01" min="0.01" required />
        <button type="submit" disabled={creating.loading}>
          Add alert
        </button>
        {creating.error && <ErrorNotice error={creating.error} />}
      </form>
      {loading && !data && <Loading label="Loading alerts…" />}
      {error && <ErrorNotice error={error} retry={() => void refetch()} />}
      {data && alerts.length === 0 && <Empty>No alerts.</Empty>}
      <ul>
        {alerts.map((alert) => (
          <li key={alert.id}>
            {alert.instrument.symbol} {alert.condition.toLowerCase().replace('_', ' ')}{' '}
            {alert.price !== null && alert.price !== undefined ? formatMinor(alert.price, alert.instrument.priceDecimals) : `${alert.percent} %`} — {alert.status.toLowerCase()}{' '}
            <button type="button" aria-label={`Delete alert on ${alert.instrument.symbol}`} onClick={() => void remove({ variables: { id: alert.id } }).then(() => refetch())}>
              Delete
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}

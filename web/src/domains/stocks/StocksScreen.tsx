import { useId, useMemo, useState } from 'react';
import { useQuery, useSubscription } from '@apollo/client/react';
import type { UTCTimestamp } from 'lightweight-charts';
import { WebCandlesDocument, WebInstrumentsDocument, WebQuotesDocument } from '../../graphql/graphql';
import { CandleChart, type CandleBar } from '../../ui/charts';
import { formatMinor } from '../../ui/format';
import { Empty, ErrorNotice, Loading } from '../../ui/status';
import { PriceAlerts } from './PriceAlerts';

interface Tick {
  last: number;
  changePercent: number | null;
  at: string;
}

export default function StocksScreen() {
  const instruments = useQuery(WebInstrumentsDocument);
  const list = instruments.data?.instruments ?? [];
  const symbols = useMemo(() => list.map((i) => i.symbol), [list]);
  const [ticks, setTicks] = useState<Record<string, Tick>>({});
  const [selected, setSelected] = useState<string | null>(null);
  const quotes = useSubscription(WebQuotesDocument, {
    variables: { symbols },
    skip: symbols.length === 0,
    onData: ({ data }) => {
      const quote = data.data?.quotes;
      if (quote) setTicks((all) => ({ ...all, [quote.symbol]: { last: quote.last, changePercent: quote.changePercent ?? null, at: quote.at } }));
    },
  });
  const id = useId();
  const symbol = selected ?? list[0]?.symbol ?? null;
  return (
    <section aria-labelledby={`${id}-title`}>
      <h1 id={`${id}-title`}>Stocks</h1>
      {instruments.loading && !instruments.data && <Loading label="Loading instruments…" />}
      {instruments.error && <ErrorNotice error={instruments.error} retry={() => void instruments.refetch()} />}
      {quotes.error && <ErrorNotice error={`Live prices stopped: ${quotes.error.message}`} />}
      {instruments.data && list.length === 0 && <Empty>No instruments.</Empty>}
      <table className="ticker">
        <caption className="visually-hidden">Live prices</caption>
        <thead>
          <tr>
            <th scope="col">Symbol</th>
            <th scope="col">Name</th>
            <th scope="col">Last</th>
            <th scope="col">Change</th>
          </tr>
        </thead>
        <tbody>
          {list.map((instrument) => {
            const tick = ticks[instrument.symbol];
            const last = tick?.last ?? instrument.quote?.last;
            const change = tick ? tick.changePercent : (instrument.quote?.changePercent ?? null);
            return (
              <tr key={instrument.id} aria-selected={instrument.symbol === symbol}>
                <th scope="row">
                  <button type="button" className="link" onClick={() => setSelected(instrument.symbol)} aria-pressed={instrument.symbol === symbol}>
                    {instrument.symbol}
                  </button>
                </th>
                <td>{instrument.name}</td>
                <td data-testid={`last-${instrument.symbol}`} data-at={tick?.at ?? instrument.quote?.at ?? ''}>
                  {last === undefined ? '—' : `${formatMinor(last, instrument.priceDecimals)} ${instrument.currency}`}
                </td>
                <td className={change !== null && change < 0 ? 'down' : 'up'}>{change === null ? '—' : `${change.toFixed(2)} %`}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {symbol && <Candles symbol={symbol} tick={ticks[symbol] ?? null} />}
      <PriceAlerts symbols={symbols} />
    </section>
  );
}

function Candles({ symbol, tick }: { symbol: string; tick: Tick | null }) {
  const { data, loading, error, refetch } = useQuery(WebCandlesDocument, { variables: { symbol } });
  const decimals = data?.instrument?.priceDecimals ?? 2;
  const bars = useMemo<CandleBar[]>(
    () =>
      (data?.instrument?.candles.edges ?? []).map(({ node }) => ({
        time: (Date.parse(node.start) / 1000) as UTCTimestamp,
        open: node.open / 10 ** decimals,
        high: node.high / 10 ** decimals,
        low: node.low / 10 ** decimals,
        close: node.close / 10 ** decimals,
      })),
    [data, decimals],
  );
  // The newest one-minute candle follows the live price.
  const live = useMemo<CandleBar | null>(() => {
    const newest = bars.at(-1);
    if (!tick || !newest) return null;
    const price = tick.last / 10 ** decimals;
    const minute = (Math.floor(Date.parse(tick.at) / 60_000) * 60) as UTCTimestamp;
    if (minute > newest.time) return { time: minute, open: newest.close, high: Math.max(newest.close, price), low: Math.min(newest.close, price), close: price };
    return { ...newest, high: Math.max(newest.high, price), low: Math.min(newest.low, price), close: price };
  }, [tick, bars, decimals]);
  return (
    <figure className="candles">
      <figcaption>{symbol}: one-minute candles</figcaption>
      {loading && !data && <Loading label="Loading candles…" />}
      {error && <ErrorNotice error={error} retry={() => void refetch()} />}
      <CandleChart bars={bars} live={live} label={`${symbol} price, one-minute candles`} />
    </figure>
  );
}

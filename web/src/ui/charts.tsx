import { useEffect, useRef } from 'react';
import { CandlestickSeries, createChart, HistogramSeries, type IChartApi, type ISeriesApi, type UTCTimestamp } from 'lightweight-charts';

export interface CandleBar {
  time: UTCTimestamp;
  open: number;
  high: number;
  low: number;
  close: number;
}

const chartOptions = { autoSize: true, layout: { attributionLogo: true }, timeScale: { timeVisible: true } } as const;

/** Candles (TradingView's lightweight-charts). `live` updates the newest bar in place, without redrawing the rest. */
export function CandleChart({ bars, live, label }: { bars: readonly CandleBar[]; live: CandleBar | null; label: string }) {
  const container = useRef<HTMLDivElement>(null);
  const series = useRef<ISeriesApi<'Candlestick'> | null>(null);
  const chart = useRef<IChartApi | null>(null);
  useEffect(() => {
    chart.current = createChart(container.current!, chartOptions);
    series.current = chart.current.addSeries(CandlestickSeries);
    return () => {
      chart.current?.remove();
      chart.current = null;
    };
  }, []);
  useEffect(() => {
    series.current?.setData([...bars]);
    chart.current?.timeScale().fitContent();
  }, [bars]);
  useEffect(() => {
    if (live && bars.length > 0 && live.time >= bars.at(-1)!.time) series.current?.update(live);
  }, [live, bars]);
  return <div ref={container} className="chart" role="figure" aria-label={label} />;
}

export interface CountBar {
  time: string;
  value: number;
}

/** Counts per day as bars. */
export function DailyBars({ bars, label }: { bars: readonly CountBar[]; label: string }) {
  const container = useRef<HTMLDivElement>(null);
  const series = useRef<ISeriesApi<'Histogram'> | null>(null);
  useEffect(() => {
    const chart = createChart(container.current!, { ...chartOptions, timeScale: { timeVisible: false } });
    series.current = chart.addSeries(HistogramSeries);
    return () => chart.remove();
  }, []);
  useEffect(() => {
    series.current?.setData(bars.map((bar) => ({ time: bar.time, value: bar.value })));
  }, [bars]);
  return <div ref={container} className="chart small" role="figure" aria-label={label} />;
}

export interface InOutBar {
  /** The period's first day, "YYYY-MM-DD". */
  time: string;
  income: number;
  expense: number;
}

/** Income above the axis and spending below it, per period (two histogram series that never overlap). */
export function InOutBars({ bars, label }: { bars: readonly InOutBar[]; label: string }) {
  const container = useRef<HTMLDivElement>(null);
  const series = useRef<{ income: ISeriesApi<'Histogram'>; expense: ISeriesApi<'Histogram'> } | null>(null);
  const chart = useRef<IChartApi | null>(null);
  useEffect(() => {
    chart.current = createChart(container.current!, { ...chartOptions, timeScale: { timeVisible: false } });
    series.current = {
      income: chart.current.addSeries(HistogramSeries, { color: '#1b7f3b', title: 'Income' }),
      expense: chart.current.addSeries(HistogramSeries, { color: '#b3261e', title: 'Spending' }),
    };
    return () => {
      chart.current?.remove();
      chart.current = null;
    };
  }, []);
  useEffect(() => {
    series.current?.income.setData(bars.map((bar) => ({ time: bar.time, value: bar.income })));
    series.current?.expense.setData(bars.map((bar) => ({ time: bar.time, value: -bar.expense })));
    chart.current?.timeScale().fitContent();
  }, [bars]);
  return <div ref={container} className="chart" role="figure" aria-label={label} />;
}

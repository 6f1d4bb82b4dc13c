import WebSocket from 'ws';
import { z } from 'zod';
import type { Logger } from '@mosaic/kit';
import { fetchFinnhubCandles } from './rest';
import { TradeListeners, type HistoricalCandle, type HistoryRequest, type MarketFeed } from '../market-feed';
import type { Trade } from '../../domain/market/trade';

export interface FinnhubOptions {
  apiKey: string;
  /** `wss://ws.finnhub.io` in production; tests point it at a local server. */
  wsUrl: string;
  /** `https://finnhub.io/api/v1`. */
  restUrl: string;
  log: Logger;
  /** Our symbol → Finnhub's symbol and the instrument's decimals; symbols not listed cannot be streamed. */
  instruments: ReadonlyMap<string, { providerSymbol: string; priceDecimals: number }>;
  /** Reconnect back-off: first delay, doubling up to the maximum (with jitter). */
  reconnectInitialMs?: number;
  reconnectMaxMs?: number;
}

const message = z.discriminatedUnion('type', [
  z.object({ type: z.literal('trade'), data: z.array(z.object({ s: z.string(), p: z.number(), t: z.number(), v: z.number() })) }),
  z.object({ type: z.literal('ping') }),
  z.object({ type: z.literal('error'), msg: z.string().optional() }),
]);

/**
 * Finnhub's real-time trades: ONE websocket (`wss://ws.finnhub.io?token=KEY`) multiplexing every
 * symbol someone watches, `{"type":"subscribe","symbol":"AAPL"}` / `unsubscribe` as interest comes
 * and goes, `{"type":"trade","data":[{s,p,t,v}]}` in, pings ignored. A dropped socket reconnects
 * with exponential back-off and resubscribes the current set. History comes from the REST API.
 */
export class FinnhubFeed implements MarketFeed {
  readonly name = 'finnhub';
  private readonly listeners = new TradeListeners();
  /** Finnhub symbols to stream → our symbol. */
  private readonly wanted = new Map<string, string>();
  private readonly bySymbolAtProvider = new Map<string, { symbol: string; priceDecimals: number }>();
  private socket: WebSocket | null = null;
  private reconnectTimer: NodeJS.Timeout | null = null;
  private failures = 0;
  private running = false;
  /** Sockets opened so far (observability; tests assert there is one at a time). */
  connections = 0;

  constructor(private readonly options: FinnhubOptions) {
    for (const [symbol, { providerSymbol, priceDecimals }] of options.instruments) this.bySymbolAtProvider.set(providerSymbol, { symbol, priceDecimals });
  }

  onTrade(listener: Parameters<MarketFeed['onTrade']>[0]) {
    return this.listeners.add(listener);
  }

  async start(): Promise<void> {
    this.running = true;
    this.connect();
  }

  async stop(): Promise<void> {
    this.running = false;
    if (this.reconnectTimer) clearTimeout(this.reconnectTimer);
    this.reconnectTimer = null;
    const socket = this.socket;
    this.socket = null;
    if (socket && socket.readyState !== WebSocket.CLOSED) {
      await new Promise<void>((resolve) => {
        socket.once('close', () => resolve());
        socket.close();
      });
    }
  }

  subscribe(symbols: readonly string[]): void {
    for (const symbol of symbols) {
      const instrument = this.options.instruments.get(symbol);
      if (!instrument) {
        this.options.log.debug({ symbol }, 'no Finnhub symbol for this instrument; it is not streamed');
        continue;
      }
      if (this.wanted.has(instrument.providerSymbol)) continue;
      this.wanted.set(instrument.providerSymbol, symbol);
      this.send({ type: 'subscribe', symbol: instrument.providerSymbol });
    }
  }

  unsubscribe(symbols: readonly string[]): void {
    for (const symbol of symbols) {
      const providerSymbol = this.options.instruments.get(symbol)?.providerSymbol;
      if (!providerSymbol || !this.wanted.delete(providerSymbol)) continue;
      this.send({ type: 'unsubscribe', symbol: providerSymbol });
    }
  }

  async history(request: HistoryRequest): Promise<HistoricalCandle[]> {
    const instrument = this.options.instruments.get(request.symbol);
    if (!instrument) return [];
    const scale = 10 ** instrument.priceDecimals;
    return fetchFinnhubCandles(this.options, instrument.providerSymbol, request, (price) => Math.round(price * scale));
  }

  private connect() {
    if (!this.running || this.socket) return;
    const url = new URL(this.options.wsUrl);
    url.searchParams.set('token', this.options.apiKey);
    const socket = new WebSocket(url);
    this.socket = socket;
    this.connections++;
    socket.on('open', () => {
      this.failures = 0;
      for (const providerSymbol of this.wanted.keys()) socket.send(JSON.stringify({ type: 'subscribe', symbol: providerSymbol }));
    });
    socket.on('message', (data) => this.receive(String(data)));
    socket.on('error', (error) => this.options.log.warn({ err: error }, 'Finnhub socket error'));
    socket.on('close', () => {
      if (this.socket === socket) this.socket = null;
      this.scheduleReconnect();
    });
  }

  private scheduleReconnect() {
    if (!this.running || this.reconnectTimer) return;
    const initial = this.options.reconnectInitialMs ?? 1_000;
    const max = this.options.reconnectMaxMs ?? 60_000;
    const delay = Math.min(max, initial * 2 ** this.failures) * (0.75 + Math.random() * 0.25);
    this.failures++;
    this.options.log.info({ delayMs: Math.round(delay), attempt: this.failures }, 'Finnhub socket closed; reconnecting');
    this.reconnectTimer = setTimeout(() => {
      this.reconnectTimer = null;
      this.connect();
    }, delay);
  }

  private send(payload: { type: 'subscribe' | 'unsubscribe'; symbol: string }) {
    // When not open, the set is (re)sent in full on the next 'open'.
    if (this.socket?.readyState === WebSocket.OPEN) this.socket.send(JSON.stringify(payload));
  }

  private receive(raw: string) {
    let parsed;
    try {
      parsed = message.safeParse(JSON.parse(raw));
    } catch {
      parsed = null;
    }
    if (!parsed?.success) {
      this.options.log.debug({ message: raw.slice(0, 200) }, 'ignoring an unexpected Finnhub message');
      return;
    }
    const body = parsed.data;
    if (body.type === 'error') this.options.log.warn({ message: body.msg }, 'Finnhub reported an error');
    if (body.type !== 'trade') return;
    const trades: Trade[] = [];
    for (const item of body.data) {
      const instrument = this.bySymbolAtProvider.get(item.s);
      // Trades for a symbol just unsubscribed may still be in flight.
      if (!instrument || !this.wanted.has(item.s) || !(item.p > 0)) continue;
      trades.push({ symbol: instrument.symbol, price: Math.max(1, Math.round(item.p * 10 ** instrument.priceDecimals)), volume: Math.max(0, Math.round(item.v)), at: item.t });
    }
    this.listeners.emit({ trades, historical: false });
  }
}

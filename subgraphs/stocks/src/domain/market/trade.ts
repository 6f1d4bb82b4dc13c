/** One trade on the tape, in the instrument's minor units. */
export interface Trade {
  symbol: string;
  /** Minor units (cents for USD). */
  price: number;
  /** Shares (whole units). */
  volume: number;
  /** Epoch milliseconds, UTC. */
  at: number;
  /** The best bid and ask at the trade, when the source knows them (the simulator does, Finnhub trades do not). */
  bid?: number | null;
  ask?: number | null;
}

/** Trades delivered together (one simulator step, one provider message). */
export interface TradeBatch {
  trades: Trade[];
  /**
   * Replayed history (the simulator filling the time since it last ran): aggregated into candles,
   * but neither streamed to subscribers nor evaluated against alerts.
   */
  historical: boolean;
}

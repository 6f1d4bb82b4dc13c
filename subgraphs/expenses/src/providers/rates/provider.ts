/** One reference day: units of each currency per 1 EUR, as decimal strings ("1.0921"). */
export interface DailyRates {
  day: string;
  perEur: ReadonlyMap<string, string>;
}

/**
 * Where daily reference rates come from (the ECB in production, a fixed table offline). Rates are
 * quoted per euro, as the ECB publishes them; cross rates are derived from two quotes.
 */
export interface ExchangeRateProvider {
  /** Stored with every conversion ("ecb", "offline"). */
  readonly name: string;
  /**
   * Reference days covering `day`: at least the last published day on or before it when there is
   * one. A provider may return more days (the ECB sends 90 days or its whole history at once);
   * all of them are cached.
   */
  ratesCovering(day: string): Promise<DailyRates[]>;
}

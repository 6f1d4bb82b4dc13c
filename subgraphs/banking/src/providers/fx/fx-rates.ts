import type { Currency } from '../../domain/money';

/** A conversion rate as an exchange stores it. */
export interface FxRate {
  /** Units of `to` per unit of `from`, as a decimal string. */
  rate: string;
  /** Who quoted it (shown on the transfer). */
  source: string;
  asOf: Date;
}

/** Where exchange rates come from: a real provider, or the offline default. */
export interface FxRateProvider {
  readonly name: string;
  rate(from: Currency, to: Currency): Promise<FxRate>;
}

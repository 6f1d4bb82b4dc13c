/**
 * How each instrument moves in the simulator: geometric Brownian motion with an annual drift and
 * volatility, from a reference price (minor units). Unknown symbols get the default profile.
 */
export interface SimulationProfile {
  symbol: string;
  /** Where the simulation starts when the database has no earlier price, in minor units. */
  startPrice: number;
  /** Annualised drift μ (0.08 = +8% a year). */
  drift: number;
  /** Annualised volatility σ (0.3 = 30%). */
  volatility: number;
  /** Typical trade size in shares. */
  lotSize: number;
}

const PROFILES: Record<string, Omit<SimulationProfile, 'symbol'>> = {
  ACME: { startPrice: 12_000, drift: 0.08, volatility: 0.25, lotSize: 100 },
  GLOBX: { startPrice: 4_550, drift: 0.05, volatility: 0.35, lotSize: 200 },
  INITECH: { startPrice: 1_875, drift: -0.02, volatility: 0.45, lotSize: 300 },
  UMBRL: { startPrice: 31_040, drift: 0.1, volatility: 0.3, lotSize: 50 },
  HOOLI: { startPrice: 88_800, drift: 0.12, volatility: 0.4, lotSize: 20 },
  CYBDN: { startPrice: 20_250, drift: 0.15, volatility: 0.55, lotSize: 50 },
  WAYNE: { startPrice: 15_610, drift: 0.06, volatility: 0.2, lotSize: 100 },
  STARK: { startPrice: 42_000, drift: 0.09, volatility: 0.3, lotSize: 30 },
  OCNC: { startPrice: 815, drift: 0.0, volatility: 0.5, lotSize: 500 },
  AAPL: { startPrice: 19_000, drift: 0.1, volatility: 0.25, lotSize: 100 },
  MSFT: { startPrice: 41_500, drift: 0.1, volatility: 0.22, lotSize: 50 },
  NVDA: { startPrice: 13_500, drift: 0.2, volatility: 0.5, lotSize: 100 },
  AMZN: { startPrice: 18_500, drift: 0.1, volatility: 0.3, lotSize: 100 },
  IBM: { startPrice: 21_000, drift: 0.04, volatility: 0.2, lotSize: 50 },
};

const DEFAULT_PROFILE: Omit<SimulationProfile, 'symbol'> = { startPrice: 10_000, drift: 0.05, volatility: 0.3, lotSize: 100 };

export function profileFor(symbol: string): SimulationProfile {
  return { symbol, ...(PROFILES[symbol] ?? DEFAULT_PROFILE) };
}

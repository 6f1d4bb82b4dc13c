import type { Trade } from '../src/index';

export const at = (iso: string) => Date.parse(iso);

/** A trade at `iso`, price in minor units. */
export const trade = (symbol: string, price: number, iso: string, volume = 100): Trade => ({ symbol, price, volume, at: at(iso) });

import { NotFoundError, UserInputError, type Db } from '@mosaic/kit';
import { findAllInstruments } from '../data/instruments-repo';
import type { InstrumentRow } from '../data/tables';

/** Most symbols one subscription or one call may name. */
export const MAX_SYMBOLS_PER_REQUEST = 50;

const SYMBOL = /^[A-Z0-9.-]{1,12}$/;

/**
 * The instruments, held in memory: they are reference data that only migrations change, read on
 * every tick, quote and subscription, so looking them up costs no SQL. A new instrument needs a
 * restart (or `reload`).
 */
export class InstrumentCatalog {
  private bySymbol = new Map<string, InstrumentRow>();

  static async load(db: Db): Promise<InstrumentCatalog> {
    const catalog = new InstrumentCatalog();
    await catalog.reload(db);
    return catalog;
  }

  async reload(db: Db): Promise<void> {
    this.bySymbol = new Map((await findAllInstruments(db)).map((row) => [row.symbol, row]));
  }

  all(): InstrumentRow[] {
    return [...this.bySymbol.values()];
  }

  get(symbol: string): InstrumentRow | undefined {
    return this.bySymbol.get(symbol);
  }

  /** One symbol a client typed: case-insensitive, must be known. */
  require(input: string, field = 'symbol'): InstrumentRow {
    const symbol = normaliseSymbol(input, field);
    const row = this.bySymbol.get(symbol);
    if (!row) throw new NotFoundError('Instrument', symbol);
    return row;
  }

  /** One symbol given as an argument (subscriptions, alerts): unknown is BAD_USER_INPUT naming `field`. */
  requireKnown(input: string, field: string): InstrumentRow {
    const symbol = normaliseSymbol(input, field);
    const row = this.bySymbol.get(symbol);
    if (!row) throw new UserInputError(`${field}: unknown symbol "${symbol}". Query \`instruments\` for the symbols on offer.`, field);
    return row;
  }

  /**
   * A list of symbols a client typed: normalised, de-duplicated (first occurrence kept), at most
   * `max`, every one known — else BAD_USER_INPUT naming the offending entry (`symbols.3`).
   */
  requireAll(inputs: readonly string[], field = 'symbols', options: { min?: number; max?: number } = {}): InstrumentRow[] {
    const { min = 1, max = MAX_SYMBOLS_PER_REQUEST } = options;
    if (inputs.length < min) throw new UserInputError(`${field}: give at least ${min} symbol${min === 1 ? '' : 's'}.`, field);
    if (inputs.length > max) throw new UserInputError(`${field}: at most ${max} symbols per request; got ${inputs.length}.`, field);
    const seen = new Map<string, InstrumentRow>();
    inputs.forEach((input, index) => {
      const symbol = normaliseSymbol(input, `${field}.${index}`);
      const row = this.bySymbol.get(symbol);
      if (!row) throw new UserInputError(`${field}.${index}: unknown symbol "${symbol}". Query \`instruments\` for the symbols on offer.`, `${field}.${index}`);
      if (!seen.has(symbol)) seen.set(symbol, row);
    });
    return [...seen.values()];
  }
}

export function normaliseSymbol(input: string, field: string): string {
  const symbol = input.trim().toUpperCase();
  if (!SYMBOL.test(symbol)) {
    throw new UserInputError(`${field}: "${input.slice(0, 20)}" is not a symbol (1 to 12 letters, digits, "." or "-").`, field);
  }
  return symbol;
}

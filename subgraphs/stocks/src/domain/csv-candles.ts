import { CsvError, parse } from 'csv-parse/sync';
import { UserInputError } from '@mosaic/kit';
import { INTERVAL_MS, type CandleInterval } from './intervals';
import { parseDecimalPrice } from './prices';

/** Most rows one import may carry (the GraphQL body limit, 1 MiB, allows about 20,000; the CLI more). */
export const MAX_IMPORT_ROWS = 100_000;

export interface ParsedCandle {
  start: number;
  open: number;
  high: number;
  low: number;
  close: number;
  volume: number;
}

const TIME_COLUMNS = ['time', 'timestamp', 'date', 'start'];
const REQUIRED = ['open', 'high', 'low', 'close', 'volume'];

/**
 * Parses a CSV of historical candles (csv-parse): a header row naming `time` (or `timestamp`,
 * `date`, `start`), `open`, `high`, `low`, `close`, `volume` in any order and case, extra columns
 * ignored. Times are ISO-8601 with a zone, a date (`2026-01-05` for D1), or Unix seconds; each must
 * be the start of an `interval` bucket. Prices are decimal major units (`189.20`). The first bad
 * row fails the whole file with its row and line number — nothing is imported.
 */
export function parseCandleCsv(text: string, interval: CandleInterval, priceDecimals: number, field = 'input.csv'): ParsedCandle[] {
  let records: Record<string, string>[];
  try {
    records = parse(text, {
      columns: (header: string[]) => header.map((name) => name.trim().toLowerCase()),
      skip_empty_lines: true,
      trim: true,
      bom: true,
      max_record_size: 4_096,
      to: MAX_IMPORT_ROWS + 1,
    });
  } catch (error) {
    if (error instanceof CsvError) throw new UserInputError(`${field}: not valid CSV (${error.message})`, field);
    throw error;
  }
  if (records.length === 0) throw new UserInputError(`${field}: no rows after the header.`, field);
  if (records.length > MAX_IMPORT_ROWS) throw new UserInputError(`${field}: at most ${MAX_IMPORT_ROWS} rows per import; split the file.`, field);
  const columns = Object.keys(records[0]!);
  const timeColumn = TIME_COLUMNS.find((name) => columns.includes(name));
  const missing = [...(timeColumn ? [] : ['time']), ...REQUIRED.filter((name) => !columns.includes(name))];
  if (missing.length > 0) throw new UserInputError(`${field}: the header lacks ${missing.join(', ')} (columns: time, open, high, low, close, volume).`, field);

  const seen = new Set<number>();
  const size = INTERVAL_MS[interval];
  return records.map((record, index) => {
    const where = `${field}: row ${index + 1}`;
    const start = parseTime(record[timeColumn!]!, where, field);
    if (start % size !== 0) throw new UserInputError(`${where}: ${new Date(start).toISOString()} is not the start of a ${interval} candle.`, field);
    if (seen.has(start)) throw new UserInputError(`${where}: a second candle for ${new Date(start).toISOString()}.`, field);
    seen.add(start);
    const price = (name: string) => parseDecimalPrice(record[name]!, priceDecimals, `${where} ${name}`, field);
    const candle = { start, open: price('open'), high: price('high'), low: price('low'), close: price('close'), volume: parseVolume(record.volume!, where, field) };
    if (candle.low > Math.min(candle.open, candle.close) || candle.high < Math.max(candle.open, candle.close)) {
      throw new UserInputError(`${where}: low must be at most open and close, and high at least both.`, field);
    }
    return candle;
  });
}

function parseTime(text: string, where: string, field: string): number {
  if (/^\d{9,11}$/.test(text)) return Number(text) * 1000;
  const iso = /^\d{4}-\d{2}-\d{2}$/.test(text) ? `${text}T00:00:00Z` : text;
  const value = /(Z|[+-]\d{2}:\d{2})$/.test(iso) ? Date.parse(iso) : Number.NaN;
  if (Number.isNaN(value)) throw new UserInputError(`${where}: "${text.slice(0, 40)}" is not a time (ISO-8601 with a zone, YYYY-MM-DD, or Unix seconds).`, field);
  return value;
}

function parseVolume(text: string, where: string, field: string): number {
  if (!/^\d{1,15}$/.test(text)) throw new UserInputError(`${where}: volume "${text.slice(0, 20)}" must be a whole number of shares.`, field);
  return Number(text);
}

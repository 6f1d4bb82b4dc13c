import { CsvError, parse } from 'csv-parse/sync';
import { UserInputError } from '@mosaic/kit';
import { minorDigits } from '../currencies';
import { dayInput } from '../days';

/** Most rows one import may carry (a year of a busy account; the 1 MiB request limit allows about 15,000). */
export const MAX_IMPORT_ROWS = 10_000;

export type DateFormat = 'YYYY_MM_DD' | 'DD_MM_YYYY' | 'MM_DD_YYYY' | 'DD_DOT_MM_DOT_YYYY';

/** Which column holds what, by header name (case-insensitive). One of `amount` or `debit`/`credit`. */
export interface ColumnMapping {
  date: string;
  amount?: string | null | undefined;
  debit?: string | null | undefined;
  credit?: string | null | undefined;
  payee?: string | null | undefined;
  notes?: string | null | undefined;
}

export interface CsvOptions {
  mapping: ColumnMapping;
  dateFormat: DateFormat;
  decimalSeparator: 'DOT' | 'COMMA';
  delimiter: string;
  currency: string;
}

export interface ParsedRow {
  /** The line of the file the row starts on (the header is line 1). */
  line: number;
  occurredOn: string;
  kind: 'income' | 'expense';
  amount: bigint;
  payee: string | null;
  notes: string | null;
}

export interface RowError {
  line: number;
  column: string | null;
  message: string;
}

export type RowResult = { ok: true; row: ParsedRow } | { ok: false; error: RowError };

/**
 * Parses a bank export with csv-parse (header row, quoted fields, BOM) and maps every record to a
 * transaction, or to an error naming its line and column — all rows are checked, so a file's
 * problems are reported at once. A file that is not CSV at all, or lacks a mapped column, is one
 * BAD_USER_INPUT for the whole input.
 */
export function parseStatement(text: string, options: CsvOptions): RowResult[] {
  let records: { record: Record<string, string>; info: { lines: number } }[];
  try {
    records = parse(text, {
      columns: (header: string[]) => header.map((name) => name.trim().toLowerCase()),
      delimiter: options.delimiter,
      skip_empty_lines: true,
      trim: true,
      bom: true,
      info: true,
      max_record_size: 8_192,
      to: MAX_IMPORT_ROWS + 1,
    }) as unknown as { record: Record<string, string>; info: { lines: number } }[];
  } catch (error) {
    if (error instanceof CsvError) throw new UserInputError(`input.csv: not valid CSV (${error.message})`, 'input.csv');
    throw error;
  }
  if (records.length === 0) throw new UserInputError('input.csv: no rows after the header.', 'input.csv');
  if (records.length > MAX_IMPORT_ROWS) throw new UserInputError(`input.csv: at most ${MAX_IMPORT_ROWS} rows per import; split the file.`, 'input.csv');
  const mapping = normalisedMapping(options.mapping);
  const columns = Object.keys(records[0]!.record);
  const missing = Object.entries(mapping).filter(([, column]) => column && !columns.includes(column));
  if (missing.length > 0) {
    throw new UserInputError(`input.mapping: the file has no column ${missing.map(([, c]) => `"${c}"`).join(', ')} (its columns: ${columns.join(', ')}).`, `input.mapping.${missing[0]![0]}`);
  }
  const digits = minorDigits(options.currency);
  return records.map(({ record, info }) => {
    const line = info.lines;
    const fail = (column: string | null, message: string): RowResult => ({ ok: false, error: { line, column, message } });
    const occurredOn = parseDay(record[mapping.date]!, options.dateFormat);
    if (!occurredOn) return fail(mapping.date, `"${record[mapping.date]!.slice(0, 30)}" is not a date in the format ${options.dateFormat.replaceAll('_DOT_', '.').replaceAll('_', '-')}`);
    let signed: bigint | null;
    let column: string;
    if (mapping.amount) {
      column = mapping.amount;
      signed = parseAmount(record[column]!, options.decimalSeparator, digits);
    } else {
      const debit = record[mapping.debit!] ?? '';
      const credit = record[mapping.credit!] ?? '';
      column = debit ? mapping.debit! : mapping.credit!;
      if (debit && credit) return fail(mapping.debit!, 'has both a debit and a credit; one of them must be empty');
      const value = parseAmount(debit || credit, options.decimalSeparator, digits);
      signed = value === null ? null : debit ? -(value < 0n ? -value : value) : value < 0n ? -value : value;
    }
    if (signed === null) {
      const raw = record[column] ?? '';
      return fail(column, /[.,]\d+$/.test(raw) && raw.split(/[.,]/).at(-1)!.length > digits ? `${raw} has a fraction of a minor unit (${options.currency} has ${digits} decimals)` : `"${raw.slice(0, 30)}" is not an amount`);
    }
    if (signed === 0n) return fail(column, 'is zero; nothing to book');
    const text = (name: string | undefined | null, max: number) => {
      const value = name ? (record[name] ?? '').trim() : '';
      return value === '' ? null : value.slice(0, max);
    };
    return { ok: true, row: { line, occurredOn, kind: signed < 0n ? 'expense' : 'income', amount: signed < 0n ? -signed : signed, payee: text(mapping.payee, 200), notes: text(mapping.notes, 2000) } };
  });
}

function normalisedMapping(mapping: ColumnMapping): { date: string; amount?: string; debit?: string; credit?: string; payee?: string; notes?: string } {
  const clean = (value: string | null | undefined) => (value ? value.trim().toLowerCase() : undefined);
  const result = { date: clean(mapping.date)!, amount: clean(mapping.amount), debit: clean(mapping.debit), credit: clean(mapping.credit), payee: clean(mapping.payee), notes: clean(mapping.notes) };
  if (!result.amount && !(result.debit && result.credit)) throw new UserInputError('input.mapping: map either `amount` (negative = money out) or both `debit` and `credit`.', 'input.mapping.amount');
  if (result.amount && (result.debit || result.credit)) throw new UserInputError('input.mapping: map `amount` or `debit`/`credit`, not both.', 'input.mapping.amount');
  return Object.fromEntries(Object.entries(result).filter(([, v]) => v)) as ReturnType<typeof normalisedMapping>;
}

function parseDay(text: string, format: DateFormat): string | null {
  const parts =
    format === 'YYYY_MM_DD'
      ? /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(text)?.slice(1, 4)
      : format === 'DD_DOT_MM_DOT_YYYY'
        ? /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(text)?.slice(1, 4).reverse()
        : (() => {
            const match = /^(\d{1,2})[/-](\d{1,2})[/-](\d{4})$/.exec(text);
            if (!match) return undefined;
            return format === 'DD_MM_YYYY' ? [match[3]!, match[2]!, match[1]!] : [match[3]!, match[1]!, match[2]!];
          })();
  if (!parts) return null;
  const day = `${parts[0]}-${parts[1]!.padStart(2, '0')}-${parts[2]!.padStart(2, '0')}`;
  return dayInput.safeParse(day).success ? day : null;
}

/** "−1.234,56" (COMMA) or "-1,234.56" (DOT) in major units → minor units; null when not an amount or finer than a minor unit. */
export function parseAmount(text: string, separator: 'DOT' | 'COMMA', digits: number): bigint | null {
  const decimal = separator === 'DOT' ? '.' : ',';
  const grouping = separator === 'DOT' ? ',' : '.';
  let value = text.replace(/\s/g, '').replace(/^\u2212/, '-');
  if (/^\(.*\)$/.test(value)) value = `-${value.slice(1, -1)}`;
  value = value.replace(/^([+-]?)[^\d+-]{1,3}(?=\d)/, '$1').replaceAll(grouping, '');
  const match = new RegExp(`^([+-]?)(\\d{1,15})(?:\\${decimal}(\\d+))?$`).exec(value);
  if (!match) return null;
  const fraction = match[3] ?? '';
  if (fraction.length > digits) return null;
  const minor = BigInt(match[2]!) * 10n ** BigInt(digits) + BigInt((fraction + '0'.repeat(digits)).slice(0, digits) || '0');
  return match[1] === '-' ? -minor : minor;
}

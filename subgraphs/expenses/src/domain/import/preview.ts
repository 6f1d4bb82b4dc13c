import type { Context } from '../../context';
import type { CsvImportPreviewMapper } from '../../mappers';
import { planImport } from './csv-import';

/** `previewCsvImport`: the plan, counted. Writes nothing. */
export async function previewImport(ctx: Pick<Context, 'auth' | 'db' | 'loaders' | 'now' | 'rates' | 'events'>, input: unknown): Promise<CsvImportPreviewMapper> {
  const plan = await planImport(ctx, input, 'expenses:read');
  const rows = plan.rows.map((row) => ({ ...row, ownerId: plan.ownerId }));
  const errors = rows.filter((row) => row.error).length;
  const duplicates = rows.filter((row) => row.duplicate).length;
  return { rows, errors, duplicates, newRows: rows.length - errors - duplicates };
}

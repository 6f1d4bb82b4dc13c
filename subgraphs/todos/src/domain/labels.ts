import { ConflictError, NotFoundError, UserInputError, encodeId, isUniqueViolation, refreshLoaders, uuidv7, validate, written, type Db } from '@mosaic/kit';
import type { Context } from '../context';
import { deleteLabelRow, findLabelsByIds, findLabelsOfOwner, insertLabel, updateLabelRow } from '../data/labels-repo';
import type { LabelRow } from '../data/tables';
import { DEFAULT_COLOR, labelInput } from './project-input';

type WriteContext = Pick<Context, 'auth' | 'db' | 'loaders' | 'now'>;

export const MAX_LABELS_PER_TODO = 20;

export async function listLabels(ctx: Pick<Context, 'auth' | 'db'>): Promise<LabelRow[]> {
  const viewer = ctx.auth.require('todos:read');
  return ctx.db.run((tx) => findLabelsOfOwner(tx, viewer.userId));
}

export async function createLabel(ctx: WriteContext, input: unknown): Promise<LabelRow> {
  const viewer = ctx.auth.require('todos:write');
  const values = validate(labelInput, input);
  const now = ctx.now();
  const label = await uniqueName(values.name, () =>
    ctx.db.run((tx) => insertLabel(tx, { id: uuidv7(now.getTime()), ownerId: viewer.userId, name: values.name, color: values.color ?? DEFAULT_COLOR, createdAt: now })),
  );
  refreshLoaders(ctx.loaders, written(ctx.loaders.labelById, label.id, label));
  return label;
}

export async function updateLabel(ctx: WriteContext, labelId: string, input: unknown): Promise<LabelRow> {
  const viewer = ctx.auth.require('todos:write');
  const values = validate(labelInput, input);
  const label = await uniqueName(values.name, () => ctx.db.run((tx) => updateLabelRow(tx, viewer.userId, labelId, { name: values.name, color: values.color ?? DEFAULT_COLOR })));
  if (!label) throw new NotFoundError('Label', encodeId('Label', labelId));
  refreshLoaders(ctx.loaders, written(ctx.loaders.labelById, label.id, label));
  return label;
}

export async function deleteLabel(ctx: WriteContext, labelId: string): Promise<string> {
  const viewer = ctx.auth.require('todos:write');
  if (!(await ctx.db.run((tx) => deleteLabelRow(tx, viewer.userId, labelId)))) throw new NotFoundError('Label', encodeId('Label', labelId));
  refreshLoaders(ctx.loaders, written(ctx.loaders.labelById, labelId, null));
  return encodeId('Label', labelId);
}

async function uniqueName<T>(name: string, write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    if (isUniqueViolation(error, 'labels_owner_name_key')) throw new ConflictError(`You already have a label named "${name}" (names ignore case).`, { field: 'input.name' });
    throw error;
  }
}

/** The viewer's own labels with these ids, all of them, or BAD_USER_INPUT naming the first that is not. */
export async function ownLabels(tx: Db, ownerId: string, labelIds: readonly string[], field: string): Promise<string[]> {
  const unique = [...new Set(labelIds)];
  if (unique.length > MAX_LABELS_PER_TODO) throw new UserInputError(`${field}: at most ${MAX_LABELS_PER_TODO} labels per todo.`, field);
  const found = new Set((await findLabelsByIds(tx, unique)).filter((label) => label.ownerId === ownerId).map((label) => label.id));
  const missing = unique.find((id) => !found.has(id));
  if (missing) throw new UserInputError(`${field}: "${encodeId('Label', missing)}" is not one of your labels (see Query.labels).`, field);
  return unique;
}

/** `_entities`: the viewer's own label, or null. */
export async function findOwnLabel(ctx: Pick<Context, 'auth' | 'loaders'>, labelId: string): Promise<LabelRow | null> {
  const viewer = ctx.auth.require('todos:read');
  const label = await ctx.loaders.labelById.load(labelId);
  return label && label.ownerId === viewer.userId ? label : null;
}

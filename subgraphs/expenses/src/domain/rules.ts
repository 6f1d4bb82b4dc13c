import { z } from 'zod';
import { ConflictError, decodeId, refreshLoaders, UserInputError, uuidv7, validate } from '@mosaic/kit';
import type { Context } from '../context';
import { applyRuleInSql, deleteRuleRow, insertRule } from '../data/rules-repo';
import type { RuleRow } from '../data/tables';
import { ownCategories } from './categories';

export const MAX_RULES = 500;

const createInput = z
  .object({
    field: z.enum(['PAYEE', 'NOTES', 'ANY']).nullish(),
    match: z.enum(['CONTAINS', 'EQUALS', 'STARTS_WITH']).nullish(),
    pattern: z.string().trim().min(1, 'must not be empty').max(200, 'must be at most 200 characters'),
    categoryId: z.string().nullish(),
    tags: z.array(z.string().trim().toLowerCase().min(1).max(50)).max(20).nullish(),
  })
  .refine((r) => r.categoryId || r.tags?.length, { message: 'a rule sets a category, tags or both', path: ['categoryId'] });

export async function ownRules(ctx: Pick<Context, 'auth' | 'loaders'>): Promise<RuleRow[]> {
  const viewer = ctx.auth.require('expenses:read');
  return ctx.loaders.rulesOf.load(viewer.userId);
}

export async function createRule(ctx: Pick<Context, 'auth' | 'db' | 'loaders' | 'now'>, input: unknown): Promise<RuleRow> {
  const ownerId = ctx.auth.require('expenses:write').userId;
  const values = validate(createInput, input);
  const existing = await ownRules(ctx);
  if (existing.length >= MAX_RULES) throw new ConflictError(`You already have ${MAX_RULES} rules, the most one user may keep.`);
  const categoryId = values.categoryId ? decodeId('ExpenseCategory', values.categoryId, 'input.categoryId') : null;
  if (categoryId && !(await ownCategories(ctx)).some((row) => row.id === categoryId)) throw new UserInputError('input.categoryId: is not one of your categories.', 'input.categoryId');
  const now = ctx.now();
  const row = await insertRule(ctx.db, {
    id: uuidv7(now.getTime()),
    ownerId,
    field: (values.field ?? 'PAYEE').toLowerCase() as RuleRow['field'],
    match: (values.match ?? 'CONTAINS').toLowerCase() as RuleRow['match'],
    pattern: values.pattern.toLowerCase(),
    categoryId,
    tags: [...new Set(values.tags ?? [])],
    position: (existing.at(-1)?.position ?? -1) + 1,
    createdAt: now,
  });
  refreshLoaders(ctx.loaders);
  return row;
}

export async function deleteRule(ctx: Pick<Context, 'auth' | 'db' | 'loaders'>, id: string): Promise<string | null> {
  ctx.auth.require('expenses:write');
  if (!(await ownRules(ctx)).some((row) => row.id === id)) return null;
  await deleteRuleRow(ctx.db, id);
  refreshLoaders(ctx.loaders);
  return id;
}

const matches = (rule: RuleRow, payee: string | null, notes: string | null): boolean => {
  const test = (value: string | null) => {
    const text = (value ?? '').toLowerCase();
    return rule.match === 'equals' ? text === rule.pattern : rule.match === 'starts_with' ? text.startsWith(rule.pattern) : text.includes(rule.pattern);
  };
  return rule.field === 'payee' ? test(payee) : rule.field === 'notes' ? test(notes) : test(payee) || test(notes);
};

/** What the rules give a new transaction: the first matching rule's category, every matching rule's tags. */
export function matchRules(rules: readonly RuleRow[], payee: string | null, notes: string | null): { categoryId: string | null; tags: string[] } {
  let categoryId: string | null = null;
  const tags = new Set<string>();
  for (const rule of rules) {
    if (!matches(rule, payee, notes)) continue;
    categoryId ??= rule.categoryId;
    for (const tag of rule.tags) tags.add(tag);
  }
  return { categoryId, tags: [...tags] };
}

/** On demand: every rule, in order, over all the caller's transactions (in SQL); returns how many transactions changed. */
export async function applyRules(ctx: Pick<Context, 'auth' | 'db' | 'loaders'>): Promise<number> {
  const ownerId = ctx.auth.require('expenses:write').userId;
  const rules = await ownRules(ctx);
  const changed = new Set<string>();
  await ctx.db.transaction(async (tx) => {
    for (const rule of rules) for (const id of await applyRuleInSql(tx, ownerId, rule)) changed.add(id);
  });
  refreshLoaders(ctx.loaders);
  return changed.size;
}

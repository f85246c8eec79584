import { z } from 'zod';

/**
 * The one filter language (DESIGN.md §6): and / or / not over `field op value`. Saved views, list
 * queries, reports and pool rules all speak it; the server compiles it to SQL in one place.
 */
export const FILTER_OPS = [
  'eq', 'ne', 'contains', 'notContains', 'startsWith', 'isEmpty', 'isNotEmpty',
  'in', 'notIn', 'gt', 'gte', 'lt', 'lte', 'between',
  'today', 'yesterday', 'thisWeek', 'thisMonth', 'thisQuarter', 'thisYear', 'inLast', 'olderThan',
  'isMe', 'isMySubordinates',
] as const;
export type FilterOp = (typeof FILTER_OPS)[number];

export type FilterNode =
  | { and: FilterNode[] }
  | { or: FilterNode[] }
  | { not: FilterNode }
  | FilterCondition;

export interface FilterCondition {
  field: string;
  op: FilterOp;
  value?: unknown;
}

export const MAX_FILTER_CONDITIONS = 20;

export const filterConditionSchema = z.object({
  field: z.string().min(1).max(64),
  op: z.enum(FILTER_OPS),
  value: z.unknown().optional(),
});

// Registered by id: a recursive schema needs a named component for its $refs in the OpenAPI document.
export const filterSchema: z.ZodType<FilterNode> = z.lazy(() =>
  z.union([
    z.object({ and: z.array(filterSchema).max(50) }).strict(),
    z.object({ or: z.array(filterSchema).max(50) }).strict(),
    z.object({ not: filterSchema }).strict(),
    filterConditionSchema.strict(),
  ]),
).meta({ id: 'FilterNode' });

export function countConditions(node: FilterNode): number {
  if ('and' in node) return node.and.reduce((n, c) => n + countConditions(c), 0);
  if ('or' in node) return node.or.reduce((n, c) => n + countConditions(c), 0);
  if ('not' in node) return countConditions(node.not);
  return 1;
}

import { sql } from 'kysely';
import { z } from 'zod';
import type { DbOrTx } from '../db/database';
import { invalid } from '../platform/http/errors';

/** 昨日 / 本周 / 本月 / 自定义 (§3.2.6), in the company's time zone; weeks start on Monday. */
export const PERIODS = ['yesterday', 'thisWeek', 'thisMonth', 'custom'] as const;
export type PeriodKind = (typeof PERIODS)[number];

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/).describe('A day, YYYY-MM-DD, in the company\'s time zone');

export const periodQuerySchema = z.object({
  period: z.enum(PERIODS).default('thisMonth').describe('昨日 / 本周 / 本月 / 自定义 (custom takes from and to)'),
  from: day.optional().describe('First day of a custom period (inclusive)'),
  to: day.optional().describe('Last day of a custom period (inclusive)'),
});
export type PeriodQuery = z.infer<typeof periodQuerySchema>;

/** A period as instants [start, end) and as the days it covers, for showing. */
export interface Period {
  start: Date;
  end: Date;
  from: string;
  to: string;
}

export const periodSchema = z.object({ from: z.string(), to: z.string() });

/** The longest custom period: ten years, so a typo (year 20250) cannot scan everything. */
const MAX_DAYS = 3660;

/** Turns the requested period into instants once, so every number and drill-down of a request uses the same ones. */
export async function resolvePeriod(db: DbOrTx, timeZone: string, query: PeriodQuery): Promise<Period> {
  const today = sql`date_trunc('day', now() AT TIME ZONE ${timeZone})`;
  let bounds;
  switch (query.period) {
    case 'yesterday': bounds = { start: sql`${today} - interval '1 day'`, end: today }; break;
    case 'thisWeek': bounds = { start: sql`date_trunc('week', now() AT TIME ZONE ${timeZone})`, end: sql`date_trunc('week', now() AT TIME ZONE ${timeZone}) + interval '1 week'` }; break;
    case 'thisMonth': bounds = { start: sql`date_trunc('month', now() AT TIME ZONE ${timeZone})`, end: sql`date_trunc('month', now() AT TIME ZONE ${timeZone}) + interval '1 month'` }; break;
    case 'custom': {
      if (!query.from || !query.to) throw invalid('analytics.period_needs_days');
      if (!validDay(query.from) || !validDay(query.to)) throw invalid('analytics.bad_day');
      const span = (Date.parse(query.to) - Date.parse(query.from)) / 86_400_000;
      if (span < 0) throw invalid('analytics.period_reversed');
      if (span > MAX_DAYS) throw invalid('analytics.period_too_long', { days: MAX_DAYS });
      bounds = { start: sql`${query.from}::date::timestamp`, end: sql`(${query.to}::date + 1)::timestamp` };
    }
  }
  // Local wall-clock bounds become instants in the company's zone.
  const { rows } = await sql<{ start: Date; end: Date; from: string; to: string }>`
    SELECT (s AT TIME ZONE ${timeZone}) AS start, (e AT TIME ZONE ${timeZone}) AS "end", s::date AS "from", (e::date - 1) AS "to"
    FROM (SELECT ${bounds.start} AS s, ${bounds.end} AS e) b`.execute(db);
  return rows[0]!;
}

/** A calendar day that exists (2025-02-30 does not). */
function validDay(text: string): boolean {
  const date = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === text;
}

import Decimal from 'decimal.js';
import { sql, type SqlBool } from 'kysely';
import type { FilterNode, KanbanBoard, KanbanColumn } from '@yixiao/core';
import type { DbOrTx } from '../../db/database';
import { attachDisplayNames } from '../../records/display';
import { listWhere, orderBy, type SystemView } from '../../records/list-records';
import type { RecordScope } from '../../records/scope';
import { R } from '../../records/sql-ref';
import { rowToRecord } from '../../records/values';
import { loadSalesProcess } from './sales-process';

export interface KanbanQuery {
  filter?: FilterNode;
  view?: SystemView;
  sort?: string;
  limit: number;
  stage?: string;
  offset: number;
}

/**
 * 看板 (§3.7.4): the opportunities the list would show (same visibility, view and filters), a column
 * per stage with its count, exact amount and weighted amount (amount × 赢率), and the first cards
 * of each column. Disabled stages appear only while they still hold records. With `stage`, only
 * that column, its cards from `offset` (加载更多).
 */
export async function kanbanBoard(db: DbOrTx, scope: RecordScope, query: KanbanQuery): Promise<KanbanBoard> {
  const process = await loadSalesProcess(db, scope.auth.tenantId);
  const stageRef = sql.ref(`${R}.stage`);
  const onlyStage = query.stage === undefined ? sql<SqlBool>`true` : sql<SqlBool>`${stageRef} = ${query.stage}`;
  const where = listWhere(scope, query, onlyStage);
  const table = sql.table(scope.object.table);
  const [totals, cards] = await Promise.all([
    sql<{ stage: string; n: number; amount: string }>`SELECT ${stageRef} AS stage, count(*)::int AS n, coalesce(sum(${sql.ref(`${R}.amount`)}), 0)::text AS amount
      FROM ${table} AS ${sql.ref(R)} WHERE ${where} GROUP BY ${stageRef}`.execute(db),
    sql<Record<string, unknown>>`SELECT * FROM (
        SELECT ${sql.ref(R)}.*, row_number() OVER (PARTITION BY ${stageRef} ORDER BY ${orderBy(scope, query.sort ?? '-updatedAt')}) AS kanban_rank
        FROM ${table} AS ${sql.ref(R)} WHERE ${where}) ranked
      WHERE kanban_rank > ${query.offset} AND kanban_rank <= ${query.offset + query.limit} ORDER BY kanban_rank`.execute(db),
  ]);
  const items = cards.rows.map((row) => rowToRecord(scope.object, row));
  await attachDisplayNames(db, scope, items);
  const total = new Map(totals.rows.map((t) => [t.stage, t]));
  const known = new Set(process.stages.map((s) => s.value));
  const column = (value: string, label: KanbanColumn['label'], rest: Pick<KanbanColumn, 'kind' | 'winRate' | 'enabled'>): KanbanColumn => {
    const amount = new Decimal(total.get(value)?.amount ?? '0');
    return {
      value, label, ...rest, count: total.get(value)?.n ?? 0,
      amount: amount.toFixed(2), weightedAmount: amount.mul(rest.winRate).div(100).toDecimalPlaces(2).toFixed(2),
      items: items.filter((r) => r.stage === value),
    };
  };
  const columns = [
    ...process.stages.filter((s) => s.enabled || total.has(s.value))
      .map((s) => column(s.value, s.label, { kind: s.kind, winRate: s.winRate, enabled: s.enabled })),
    // Values outside the process (written before it, outside the engine) still show where they are.
    ...[...total.keys()].filter((v) => !known.has(v)).map((v) => column(v, { zh: v, en: v }, { kind: 'open', winRate: 0, enabled: false })),
  ];
  return { mode: process.mode, columns: query.stage === undefined ? columns : columns.filter((c) => c.value === query.stage) };
}

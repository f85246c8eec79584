import Decimal from 'decimal.js';
import type { KanbanBoard, KanbanColumn } from '@yixiao/core';
import type { RecordData } from '../../../records/extensions';

const money = (value: unknown) => new Decimal(typeof value === 'string' && value ? value : '0');

function withTotals(column: KanbanColumn, items: RecordData[], count: number, amount: Decimal): KanbanColumn {
  return {
    ...column, items, count,
    amount: amount.toFixed(2),
    weightedAmount: amount.mul(column.winRate).div(100).toDecimalPlaces(2).toFixed(2),
  };
}

/**
 * The board with one card moved to another column, counts and exact amounts adjusted: what the
 * user sees while the server decides (a refusal puts the previous board back).
 */
export function moveCard(board: KanbanBoard, cardId: string, to: string): KanbanBoard {
  const from = board.columns.find((c) => c.items.some((r) => r.id === cardId));
  const card = from?.items.find((r) => r.id === cardId) as RecordData | undefined;
  if (!from || !card || from.value === to) return board;
  const amount = money(card.amount);
  return {
    ...board,
    columns: board.columns.map((c) => {
      if (c.value === from.value) return withTotals(c, c.items.filter((r) => r.id !== cardId) as RecordData[], c.count - 1, money(c.amount).minus(amount));
      if (c.value === to) return withTotals(c, [{ ...card, stage: to }, ...(c.items as RecordData[])], c.count + 1, money(c.amount).plus(amount));
      return c;
    }),
  };
}

/** The board with more cards of one column appended (加载更多). */
export function appendCards(board: KanbanBoard, stage: string, more: RecordData[]): KanbanBoard {
  return {
    ...board,
    columns: board.columns.map((c) => {
      if (c.value !== stage) return c;
      const seen = new Set(c.items.map((r) => r.id));
      return { ...c, items: [...c.items, ...more.filter((r) => !seen.has(r.id))] };
    }),
  };
}

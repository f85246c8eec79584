import { Alert, App, Spin } from 'antd';
import { DndContext, DragOverlay, KeyboardSensor, PointerSensor, useSensor, useSensors, type DragEndEvent, type DragStartEvent } from '@dnd-kit/core';
import type { KanbanBoard, LostReason } from '@yixiao/core';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ListQuery } from '../../../records/api';
import type { RecordData } from '../../../records/extensions';
import { textOf, useLocale } from '../../../records/fields';
import { salesApi } from '../api';
import { LostReasonModal } from '../LostReasonModal';
import { appendCards, moveCard } from './boardMoves';
import { CardBody, cardStyle } from './KanbanCard';
import { KanbanColumn } from './KanbanColumn';

const PER_COLUMN = 20;

/**
 * 看板 (§3.7.4): the opportunities of the list's view and filters by stage. A card dragged to another
 * stage moves at once; the server judges the move by the sales process (guided mode, loss reason)
 * and a refusal puts the card back with the reason.
 */
export function KanbanView({ query, refreshKey }: { query: Omit<ListQuery, 'page' | 'pageSize'>; refreshKey: number }) {
  const { t } = useTranslation();
  const { message } = App.useApp();
  const locale = useLocale();
  const [board, setBoard] = useState<KanbanBoard | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [refusal, setRefusal] = useState<string | null>(null);
  const [dragging, setDragging] = useState<RecordData | null>(null);
  const [losing, setLosing] = useState<{ id: string; reasons: LostReason[] } | null>(null);
  const [loadingMore, setLoadingMore] = useState<string | null>(null);
  const latest = useRef(0);
  const key = JSON.stringify(query);

  const load = useCallback(async () => {
    const ticket = ++latest.current;
    try {
      const next = await salesApi.kanban({ ...(JSON.parse(key) as typeof query), limit: PER_COLUMN });
      if (ticket === latest.current) {
        setBoard(next);
        setError(null);
      }
    } catch (e) {
      if (ticket === latest.current) setError((e as Error).message);
    }
  }, [key]);
  useEffect(() => { void load(); }, [load, refreshKey]);

  const sensors = useSensors(useSensor(PointerSensor, { activationConstraint: { distance: 5 } }), useSensor(KeyboardSensor));

  const move = async (id: string, stage: string, lostReason?: string): Promise<boolean> => {
    if (!board) return false;
    const before = board;
    setBoard(moveCard(board, id, stage));
    setRefusal(null);
    try {
      await salesApi.move(id, { stage, ...(lostReason ? { lostReason } : {}) });
      const label = board.columns.find((c) => c.value === stage)?.label;
      void message.success(t('sales.kanban.moved', { stage: label ? textOf(label, locale) : stage }));
      void load();
      return true;
    } catch (e) {
      // Snap back, and say why (可视化流程: a task not done, a stage skipped …).
      setBoard(before);
      const reason = (e as Error).message;
      setRefusal(reason);
      void message.error(t('sales.kanban.refused', { reason }));
      return false;
    }
  };

  const onDragStart = ({ active }: DragStartEvent) => {
    setDragging((board?.columns.flatMap((c) => c.items).find((r) => r.id === active.id) as RecordData | undefined) ?? null);
  };
  const onDragEnd = ({ active, over }: DragEndEvent) => {
    setDragging(null);
    if (!board || !over) return;
    const from = (active.data.current as { stage?: string } | undefined)?.stage;
    const to = String(over.id);
    if (from === to) return;
    const target = board.columns.find((c) => c.value === to);
    if (target?.kind === 'lost') {
      void salesApi.process().then((p) => setLosing({ id: String(active.id), reasons: p.lostReasons }), (e: Error) => void message.error(e.message));
      return;
    }
    void move(String(active.id), to);
  };

  const loadMore = async (stage: string) => {
    if (!board) return;
    const column = board.columns.find((c) => c.value === stage);
    setLoadingMore(stage);
    try {
      const more = await salesApi.kanban({ ...query, limit: PER_COLUMN, stage, offset: column?.items.length ?? 0 });
      setBoard((b) => (b ? appendCards(b, stage, (more.columns[0]?.items ?? []) as RecordData[]) : b));
    } catch (e) {
      void message.error((e as Error).message);
    } finally {
      setLoadingMore(null);
    }
  };

  if (error) return <Alert type="error" showIcon title={error} style={{ marginTop: 8 }} />;
  if (!board) return <div style={{ padding: 48, textAlign: 'center' }}><Spin /></div>;
  return (
    <div data-testid="kanban-board" style={{ marginTop: 8 }}>
      {refusal && <Alert type="warning" showIcon closable onClose={() => setRefusal(null)} title={refusal} style={{ marginBottom: 8 }} data-testid="kanban-refused" />}
      <DndContext sensors={sensors} onDragStart={onDragStart} onDragEnd={onDragEnd} onDragCancel={() => setDragging(null)}>
        <div style={{ display: 'flex', gap: 12, overflowX: 'auto', paddingBottom: 8 }}>
          {board.columns.map((column) => (
            <KanbanColumn key={column.value} column={column} movable loadingMore={loadingMore === column.value} onLoadMore={() => void loadMore(column.value)} />
          ))}
        </div>
        <DragOverlay>{dragging ? <div style={{ ...cardStyle, width: 244, cursor: 'grabbing' }}><CardBody record={dragging} /></div> : null}</DragOverlay>
      </DndContext>
      <LostReasonModal
        open={!!losing} reasons={losing?.reasons ?? []} onCancel={() => setLosing(null)}
        onConfirm={async (reason) => {
          const lost = board.columns.find((c) => c.kind === 'lost');
          const done = losing && lost ? await move(losing.id, lost.value, reason) : false;
          if (done) setLosing(null);
          return done;
        }}
      />
    </div>
  );
}

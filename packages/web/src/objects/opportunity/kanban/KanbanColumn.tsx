import { Button, Empty, Tag, Typography } from 'antd';
import { useDroppable } from '@dnd-kit/core';
import type { KanbanColumn as Column } from '@yixiao/core';
import { useTranslation } from 'react-i18next';
import type { RecordData } from '../../../records/extensions';
import { groupDigits, textOf, useLocale } from '../../../records/fields';
import { KanbanCard } from './KanbanCard';

const KIND_COLOR = { open: '#1677ff', won: '#52c41a', lost: '#ff4d4f' } as const;

/** One stage of the board: its name, win rate, count and amounts, and its cards; a drop target. */
export function KanbanColumn({ column, movable, loadingMore, onLoadMore }: { column: Column; movable: boolean; loadingMore: boolean; onLoadMore(): void }) {
  const { t } = useTranslation();
  const locale = useLocale();
  const { setNodeRef, isOver } = useDroppable({ id: column.value, disabled: !column.enabled });
  return (
    <div
      ref={setNodeRef} data-testid={`kanban-column-${column.value}`}
      style={{
        flex: '0 0 260px', background: isOver ? '#e6f4ff' : '#fafafa', borderRadius: 8, padding: 8, display: 'flex', flexDirection: 'column',
        borderTop: `3px solid ${KIND_COLOR[column.kind]}`, maxHeight: 'calc(100vh - 260px)', minHeight: 240, transition: 'background 0.15s',
      }}
    >
      <div style={{ padding: '0 2px 8px' }}>
        <div style={{ display: 'flex', alignItems: 'center', gap: 6 }}>
          <Typography.Text strong>{textOf(column.label, locale)}</Typography.Text>
          <Tag data-testid={`kanban-count-${column.value}`} style={{ marginInlineEnd: 0 }}>{column.count}</Tag>
          {!column.enabled && <Tag color="default">{t('sales.kanban.disabled')}</Tag>}
          <div style={{ flex: 1 }} />
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>{column.winRate}%</Typography.Text>
        </div>
        <div style={{ fontSize: 12 }}>
          <span data-testid={`kanban-amount-${column.value}`}>¥{groupDigits(column.amount)}</span>
          <Typography.Text type="secondary" style={{ fontSize: 12, marginInlineStart: 8 }}>{t('sales.kanban.weighted', { amount: `¥${groupDigits(column.weightedAmount)}` })}</Typography.Text>
        </div>
      </div>
      <div style={{ overflowY: 'auto', flex: 1 }}>
        {column.items.length === 0
          ? <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('sales.kanban.empty')} />
          : column.items.map((r) => <KanbanCard key={r.id as string} record={r as RecordData} disabled={!movable} />)}
        {column.items.length < column.count && (
          <Button block type="link" loading={loadingMore} onClick={onLoadMore} data-testid={`kanban-more-${column.value}`}>{t('sales.kanban.loadMore')}</Button>
        )}
      </div>
    </div>
  );
}

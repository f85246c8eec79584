import { Typography } from 'antd';
import { useDraggable } from '@dnd-kit/core';
import type { CSSProperties } from 'react';
import { Link } from 'react-router-dom';
import { useTranslation } from 'react-i18next';
import type { RecordData } from '../../../records/extensions';
import { groupDigits } from '../../../records/fields';
import { recordPath } from '../../../records/paths';

/** What a card shows of an opportunity: name (a link), account, amount, close date, owner. */
export function CardBody({ record }: { record: RecordData }) {
  const { t } = useTranslation();
  return (
    <>
      <Link to={recordPath('opportunity', record.id)} style={{ fontWeight: 500 }} onPointerDown={(e) => e.stopPropagation()}>{String(record.name ?? '—')}</Link>
      <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }} ellipsis>{record.display?.accountId ?? ''}</Typography.Text>
      <div style={{ display: 'flex', justifyContent: 'space-between', marginTop: 4, fontSize: 12 }}>
        <span data-testid="kanban-card-amount">{typeof record.amount === 'string' ? `¥${groupDigits(record.amount)}` : <Typography.Text type="secondary" style={{ fontSize: 12 }}>{t('sales.kanban.noAmount')}</Typography.Text>}</span>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>{typeof record.closeDate === 'string' ? record.closeDate : ''}</Typography.Text>
      </div>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>{record.display?.ownerId ?? ''}</Typography.Text>
    </>
  );
}

export const cardStyle: CSSProperties = {
  background: '#fff', border: '1px solid #f0f0f0', borderRadius: 6, padding: '8px 10px', marginBottom: 8,
  boxShadow: '0 1px 2px rgba(0,0,0,0.04)', cursor: 'grab', touchAction: 'none',
};

/** A card the user drags to another stage (its place is kept until the server agrees). */
export function KanbanCard({ record, disabled }: { record: RecordData; disabled: boolean }) {
  const { attributes, listeners, setNodeRef, isDragging } = useDraggable({ id: record.id, data: { stage: record.stage }, disabled });
  return (
    <div
      ref={setNodeRef} {...listeners} {...attributes} data-testid={`kanban-card-${record.id}`}
      style={{ ...cardStyle, opacity: isDragging ? 0.4 : 1, cursor: disabled ? 'default' : 'grab' }}
    >
      <CardBody record={record} />
    </div>
  );
}

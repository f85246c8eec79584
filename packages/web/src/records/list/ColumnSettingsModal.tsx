import { Button, Modal, Space, Typography } from 'antd';
import { ArrowDownOutlined, ArrowUpOutlined, LeftOutlined, RightOutlined } from '@ant-design/icons';
import type { ObjectMeta } from '@yixiao/core';
import { useEffect, useState, type DragEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { liveFields, textOf, useLocale } from '../fields';

interface Props {
  meta: ObjectMeta;
  open: boolean;
  /** The columns shown now, in order (the name column is always first and not listed). */
  columns: string[];
  onClose(): void;
  onSave(columns: string[]): Promise<void>;
}

type Side = 'hidden' | 'shown';

/** 编辑显示字段 (§3.3.4): ‹ › add or remove a column, ↑ ↓ change its place, or drag it; 保存设置. */
export function ColumnSettingsModal({ meta, open, columns, onClose, onSave }: Props) {
  const { t } = useTranslation();
  const locale = useLocale();
  const fields = liveFields(meta).filter((f) => f.key !== meta.nameField);
  const [shown, setShown] = useState<string[]>([]);
  const [picked, setPicked] = useState<{ side: Side; key: string } | null>(null);
  const [dragging, setDragging] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  useEffect(() => {
    if (open) setShown(columns.filter((c) => c !== meta.nameField && fields.some((f) => f.key === c)));
    // Fields come from the same metadata as columns; re-reading them on open is enough.
  }, [open, columns, meta]);
  // The pick is cleared when the dialog opens, not whenever the list hands in its columns or
  // metadata anew (a reload while the dialog is open would drop what the user just picked).
  useEffect(() => {
    if (open) setPicked(null);
  }, [open]);

  const hidden = fields.filter((f) => !shown.includes(f.key)).map((f) => f.key);
  const label = (key: string) => textOf(fields.find((f) => f.key === key)?.label ?? { zh: key, en: key }, locale);

  const show = (key: string, at = shown.length) => setShown((s) => {
    const rest = s.filter((k) => k !== key);
    const index = Math.min(at, rest.length);
    return [...rest.slice(0, index), key, ...rest.slice(index)];
  });
  const hide = (key: string) => setShown((s) => s.filter((k) => k !== key));
  const moveRight = () => picked?.side === 'hidden' && (show(picked.key), setPicked({ side: 'shown', key: picked.key }));
  const moveLeft = () => picked?.side === 'shown' && (hide(picked.key), setPicked({ side: 'hidden', key: picked.key }));
  const shift = (delta: number) => {
    if (picked?.side !== 'shown') return;
    const i = shown.indexOf(picked.key);
    const j = i + delta;
    if (i < 0 || j < 0 || j >= shown.length) return;
    const next = [...shown];
    [next[i], next[j]] = [next[j]!, next[i]!];
    setShown(next);
  };

  const drop = (side: Side, index?: number) => (e: DragEvent) => {
    e.preventDefault();
    e.stopPropagation();
    if (!dragging) return;
    if (side === 'shown') show(dragging, index);
    else hide(dragging);
    setPicked({ side, key: dragging });
    setDragging(null);
  };

  const list = (side: Side, keys: string[]) => (
    <div
      data-testid={`columns-${side}`}
      onDragOver={(e) => e.preventDefault()}
      onDrop={drop(side)}
      style={{ flex: 1, height: 340, overflowY: 'auto', border: '1px solid #d9d9d9', borderRadius: 6, padding: 4 }}
    >
      {keys.map((key, i) => {
        const active = picked?.key === key && picked.side === side;
        return (
          <div
            key={key} draggable tabIndex={0} role="option" aria-selected={active} data-testid={`column-item-${key}`}
            onDragStart={() => setDragging(key)} onDragEnd={() => setDragging(null)}
            onDragOver={(e) => e.preventDefault()} onDrop={drop(side, i)}
            onClick={() => setPicked({ side, key })}
            onDoubleClick={() => (side === 'hidden' ? show(key) : hide(key))}
            onKeyDown={(e) => {
              if (e.key !== 'Enter') return;
              if (side === 'hidden') show(key);
              else hide(key);
            }}
            style={{
              padding: '5px 10px', borderRadius: 4, cursor: 'grab', userSelect: 'none',
              background: active ? '#e6f4ff' : undefined, opacity: dragging === key ? 0.4 : 1,
            }}
          >
            {label(key)}
          </div>
        );
      })}
    </div>
  );

  const save = async () => {
    setSaving(true);
    try {
      await onSave([meta.nameField, ...shown]);
    } finally {
      setSaving(false);
    }
  };

  return (
    <Modal
      open={open} onCancel={onClose} title={t('records.columns.title')} width={620} destroyOnHidden
      footer={<Button type="primary" loading={saving} onClick={() => void save()} data-testid="columns-save">{t('records.columns.save')}</Button>}
    >
      <Typography.Paragraph type="secondary">{t('records.columns.hint')}</Typography.Paragraph>
      <div style={{ display: 'flex', gap: 12, alignItems: 'stretch' }}>
        <div style={{ flex: 1, display: 'flex', flexDirection: 'column' }}>
          <Typography.Text strong>{t('records.columns.hidden')}</Typography.Text>
          {list('hidden', hidden)}
        </div>
        <Space orientation="vertical" style={{ justifyContent: 'center' }}>
          <Button icon={<RightOutlined />} onClick={moveRight} disabled={picked?.side !== 'hidden'} aria-label={t('records.columns.show')} data-testid="column-move-right" />
          <Button icon={<LeftOutlined />} onClick={moveLeft} disabled={picked?.side !== 'shown'} aria-label={t('records.columns.hide')} data-testid="column-move-left" />
        </Space>
        <div style={{ flex: 1, display: 'flex', flexDirection: 'column' }}>
          <Typography.Text strong>{t('records.columns.shown')}</Typography.Text>
          {list('shown', shown)}
        </div>
        <Space orientation="vertical" style={{ justifyContent: 'center' }}>
          <Button icon={<ArrowUpOutlined />} onClick={() => shift(-1)} disabled={picked?.side !== 'shown'} aria-label={t('records.columns.up')} data-testid="column-move-up" />
          <Button icon={<ArrowDownOutlined />} onClick={() => shift(1)} disabled={picked?.side !== 'shown'} aria-label={t('records.columns.down')} data-testid="column-move-down" />
        </Space>
      </div>
    </Modal>
  );
}

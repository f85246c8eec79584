import { ArrowDownOutlined, ArrowUpOutlined, DeleteOutlined, HolderOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Input, Space, Switch, Tag, Tooltip, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { OptionDraft } from './api';

interface Props {
  value?: OptionDraft[];
  onChange?(value: OptionDraft[]): void;
}

/** Moves one entry of a list to another place (drag and drop, or the arrows). */
export function moved<T>(list: readonly T[], from: number, to: number): T[] {
  const next = [...list];
  const [item] = next.splice(from, 1);
  next.splice(to, 0, item!);
  return next;
}

/**
 * A picklist's options in order: drag a row (or use the arrows) to reorder, switch one off to
 * disable it. An option the server already has shows its stored value, which never changes; the
 * server refuses removing one that records use.
 */
export function OptionsEditor({ value = [], onChange }: Props) {
  const { t } = useTranslation();
  const [dragging, setDragging] = useState<number | null>(null);
  const change = (next: OptionDraft[]) => onChange?.(next);
  const patchAt = (index: number, patch: Partial<OptionDraft>) => change(value.map((o, i) => (i === index ? { ...o, ...patch } : o)));

  return (
    <div data-testid="options-editor">
      <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>{t('metadata.options.hint')}</Typography.Paragraph>
      {value.map((option, index) => (
        <div
          key={option.value ?? `new-${index}`}
          data-testid={`option-row-${index}`}
          draggable
          onDragStart={() => setDragging(index)}
          onDragOver={(e) => e.preventDefault()}
          onDrop={() => {
            if (dragging !== null && dragging !== index) change(moved(value, dragging, index));
            setDragging(null);
          }}
          style={{ display: 'flex', gap: 8, alignItems: 'center', marginBottom: 8, opacity: dragging === index ? 0.4 : 1 }}
        >
          <Tooltip title={t('metadata.options.drag')}><HolderOutlined style={{ cursor: 'grab', color: '#999' }} /></Tooltip>
          <Input
            data-testid={`option-zh-${index}`} placeholder={t('metadata.field.labelZh')} maxLength={100} value={option.label.zh}
            onChange={(e) => patchAt(index, { label: { ...option.label, zh: e.target.value } })} style={{ flex: 1 }}
          />
          <Input
            data-testid={`option-en-${index}`} placeholder={t('metadata.field.labelEn')} maxLength={100} value={option.label.en ?? ''}
            onChange={(e) => patchAt(index, { label: { ...option.label, en: e.target.value } })} style={{ flex: 1 }}
          />
          <Tooltip title={option.value ? `${t('metadata.options.value')}: ${option.value}` : undefined}>
            <span style={{ width: 96, flexShrink: 0, overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap' }}>
              {option.value ? <Tag>{option.value}</Tag> : <Tag color="green">{t('metadata.options.new')}</Tag>}
            </span>
          </Tooltip>
          <Tooltip title={t('metadata.options.enabled')}>
            <Switch size="small" data-testid={`option-enabled-${index}`} checked={option.enabled} onChange={(enabled) => patchAt(index, { enabled })} />
          </Tooltip>
          <Space.Compact>
            <Button size="small" icon={<ArrowUpOutlined />} disabled={index === 0} aria-label={t('metadata.field.moveUp')} onClick={() => change(moved(value, index, index - 1))} />
            <Button size="small" icon={<ArrowDownOutlined />} disabled={index === value.length - 1} aria-label={t('metadata.field.moveDown')} onClick={() => change(moved(value, index, index + 1))} />
          </Space.Compact>
          <Button size="small" type="text" danger icon={<DeleteOutlined />} aria-label={t('metadata.options.remove')} onClick={() => change(value.filter((_, i) => i !== index))} />
        </div>
      ))}
      <Button
        type="dashed" block icon={<PlusOutlined />} data-testid="option-add"
        onClick={() => change([...value, { label: { zh: '', en: '' }, enabled: true }])}
      >
        {t('metadata.options.add')}
      </Button>
    </div>
  );
}

/** What the server takes: blank English labels left out (they default to the Chinese one). */
export const cleanOptions = (options: OptionDraft[]): OptionDraft[] =>
  options.map((o) => ({ ...o, label: { zh: o.label.zh.trim(), ...(o.label.en?.trim() ? { en: o.label.en.trim() } : {}) } }));

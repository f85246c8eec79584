import { Button, Space, Tag, Tooltip } from 'antd';
import { SaveOutlined } from '@ant-design/icons';
import type { FilterNode, ObjectMeta } from '@yixiao/core';
import { useTranslation } from 'react-i18next';
import type { SavedView } from '../api';
import { fieldByKey, textOf, useLocale } from '../fields';
import { describeNode, type ActiveFilter } from './filters';

interface Props {
  meta: ObjectMeta;
  filters: ActiveFilter[];
  savedView?: SavedView;
  onRemove(key: string): void;
  onClear(): void;
  onSave(): void;
}

const topLevel = (node: FilterNode): FilterNode[] => ('and' in node ? node.and : [node]);

/** Active filters as tags beside the view (§3.3.5: "跟进状态: 未处理 ×"), and 保存为常用检索. */
export function FilterBar({ meta, filters, savedView, onRemove, onClear, onSave }: Props) {
  const { t } = useTranslation();
  const locale = useLocale();
  const fieldOf = (key: string) => fieldByKey(meta, key);
  const viewParts = savedView ? topLevel(savedView.filter) : [];
  if (!filters.length && !viewParts.length) return null;
  return (
    <Space wrap size={[4, 8]} style={{ marginTop: 8 }} data-testid="filter-bar">
      {viewParts.map((node, i) => (
        <Tooltip key={`view-${i}`} title={t('records.filter.fromView', { name: savedView!.name })}>
          <Tag color="default" data-testid="view-condition">{describeNode(node, fieldOf, locale, t)}</Tag>
        </Tooltip>
      ))}
      {filters.map((f) => {
        const field = fieldOf(f.key);
        const label = field ? textOf(field.label, locale) : t('records.advanced.title');
        return (
          <Tag
            key={f.key} color="blue" closable data-testid={`filter-tag-${f.key}`}
            closeIcon={<span aria-label={t('records.filter.remove')}>×</span>} onClose={(e) => { e.preventDefault(); onRemove(f.key); }}
          >
            {label}: {f.text}
          </Tag>
        );
      })}
      {filters.length > 0 && (
        <>
          <Button size="small" type="link" icon={<SaveOutlined />} onClick={onSave} data-testid="save-view">{t('records.view.saveAs')}</Button>
          <Button size="small" type="link" onClick={onClear} data-testid="clear-filters">{t('records.filter.clearAll')}</Button>
        </>
      )}
    </Space>
  );
}

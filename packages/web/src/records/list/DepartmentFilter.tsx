import { Checkbox, Space } from 'antd';
import { useTranslation } from 'react-i18next';
import { DepartmentTreeSelect } from '../../org/DepartmentTreeSelect';
import { useDepartments } from '../../org/useDepartments';
import type { ColumnDraft } from './columnFilterModel';

/** A department column's filter: one department from the tree, or 空. */
export function DepartmentFilter({ draft, onChange }: { draft: ColumnDraft; onChange(patch: Partial<ColumnDraft>): void }) {
  const { t } = useTranslation();
  const { departments } = useDepartments();
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <DepartmentTreeSelect
        departments={departments} allowClear value={draft.ids?.[0]}
        onChange={(id) => {
          const name = departments.find((d) => d.id === id)?.name;
          onChange(id ? { ids: [id], names: { [id]: name ?? id } } : { ids: [] });
        }}
      />
      <Checkbox checked={!!draft.empty} onChange={(e) => onChange({ empty: e.target.checked })}>{t('records.filter.empty')}</Checkbox>
    </Space>
  );
}

import { ApartmentOutlined } from '@ant-design/icons';
import { Card, Empty, Spin, Tree } from 'antd';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DepartmentMembers } from './DepartmentMembers';
import { DepartmentModals, type DepartmentAction } from './DepartmentModals';
import { DepartmentPanel } from './DepartmentPanel';
import { toTreeData, type DepartmentNode } from './departmentTree';
import { useDepartments } from './useDepartments';
import { useRoles } from './useRoles';

const withMemberCounts = (nodes: DepartmentNode[]): DepartmentNode[] =>
  nodes.map((n) => ({ ...n, title: `${n.department.name}${n.department.memberCount ? ` (${n.department.memberCount})` : ''}`, children: withMemberCounts(n.children) }));

/** 系统设置 → 组织架构: the department tree on the left; the chosen department, its actions and members on the right. */
export function OrgStructurePage() {
  const { t } = useTranslation();
  const { departments, loading, reload } = useDepartments();
  const { roles } = useRoles();
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const [action, setAction] = useState<DepartmentAction | null>(null);
  const treeData = useMemo(() => withMemberCounts(toTreeData(departments)), [departments]);
  const selected = departments.find((d) => d.id === selectedId) ?? departments[0];

  if (loading && departments.length === 0) return <Spin />;
  return (
    <div style={{ display: 'flex', gap: 16, alignItems: 'flex-start' }}>
      <Card title={<><ApartmentOutlined /> {t('org.structure.title')}</>} style={{ width: 300, flexShrink: 0 }}>
        <Tree
          data-testid="department-tree"
          treeData={treeData}
          selectedKeys={selected ? [selected.id] : []}
          defaultExpandAll
          blockNode
          onSelect={(keys) => keys[0] && setSelectedId(String(keys[0]))}
          key={departments.length /* re-expand when departments are added or removed */}
        />
      </Card>
      <div style={{ flex: 1, minWidth: 0 }}>
        {selected ? (
          <>
            <DepartmentPanel
              department={selected}
              onAction={setAction}
              onDeleted={() => {
                setSelectedId(selected.parentId);
                void reload();
              }}
            />
            <DepartmentMembers department={selected} departments={departments} roles={roles} onMembersChanged={() => void reload()} />
            {action && (
              <DepartmentModals
                action={action}
                department={selected}
                departments={departments}
                onClose={() => setAction(null)}
                onChanged={(changed) => {
                  if (action === 'create') setSelectedId(changed.id);
                  void reload();
                }}
              />
            )}
          </>
        ) : (
          <Empty description={t('common.empty')} />
        )}
      </div>
    </div>
  );
}

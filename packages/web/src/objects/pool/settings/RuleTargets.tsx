import { Button, List, Space, Tag, Typography } from 'antd';
import { ArrowDownOutlined, ArrowUpOutlined, DeleteOutlined } from '@ant-design/icons';
import type { AssignTarget } from '@yixiao/core';
import { useTranslation } from 'react-i18next';
import { DepartmentTreeSelect } from '../../../org/DepartmentTreeSelect';
import { useDepartments } from '../../../org/useDepartments';
import { PickUser } from './PickUser';

export interface NamedTarget extends AssignTarget {
  name: string;
}

/**
 * Who a rule hands records to (§3.2.8): users, or departments (用户组, every active user in them),
 * in the order set here: "按设置顺序轮流分配".
 */
export function RuleTargets({ targets, onChange }: { targets: NamedTarget[]; onChange(targets: NamedTarget[]): void }) {
  const { t } = useTranslation();
  const { departments } = useDepartments();
  const has = (type: AssignTarget['type'], id: string) => targets.some((x) => x.type === type && x.id === id);
  const add = (target: NamedTarget) => !has(target.type, target.id) && onChange([...targets, target]);
  const move = (i: number, by: -1 | 1) => {
    const next = [...targets];
    [next[i], next[i + by]] = [next[i + by]!, next[i]!];
    onChange(next);
  };

  return (
    <Space orientation="vertical" style={{ width: '100%' }} data-testid="rule-targets">
      <Typography.Text type="secondary">{t('pool.rules.targetsHint')}</Typography.Text>
      <Space wrap>
        <PickUser
          data-testid="rule-target-user" placeholder={t('pool.rules.addUser')} excludeIds={targets.filter((x) => x.type === 'user').map((x) => x.id)}
          onPick={(u) => add({ type: 'user', id: u.id, name: u.name })}
        />
        <div style={{ width: 240 }}>
          <DepartmentTreeSelect
            data-testid="rule-target-department" departments={departments} value={undefined} placeholder={t('pool.rules.addDepartment')}
            onChange={(id) => id && add({ type: 'department', id, name: departments.find((d) => d.id === id)?.name ?? id })}
          />
        </div>
      </Space>
      <List
        size="small" bordered dataSource={targets} locale={{ emptyText: t('pool.rules.noTargets') }} data-testid="rule-target-list"
        renderItem={(target, i) => (
          <List.Item
            data-testid="rule-target"
            actions={[
              <Button key="up" type="text" size="small" icon={<ArrowUpOutlined />} disabled={i === 0} onClick={() => move(i, -1)} aria-label={t('pool.rules.up')} />,
              <Button key="down" type="text" size="small" icon={<ArrowDownOutlined />} disabled={i === targets.length - 1} onClick={() => move(i, 1)} aria-label={t('pool.rules.down')} />,
              <Button key="remove" type="text" size="small" icon={<DeleteOutlined />} onClick={() => onChange(targets.filter((_, j) => j !== i))} aria-label={t('common.delete')} />,
            ]}
          >
            <Space>
              <Typography.Text type="secondary">{i + 1}</Typography.Text>
              <Tag color={target.type === 'user' ? 'blue' : 'purple'}>{t(`pool.rules.targetType.${target.type}`)}</Tag>
              {target.name}
            </Space>
          </List.Item>
        )}
      />
    </Space>
  );
}

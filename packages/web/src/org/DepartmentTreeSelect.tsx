import { TreeSelect } from 'antd';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { Department } from './api';
import { toTreeData, type DepartmentNode } from './departmentTree';

interface Props {
  /** Set by Form.Item, so its label points at this control. */
  id?: string;
  departments: Department[];
  value?: string;
  onChange?: (value: string) => void;
  /** Departments that may not be chosen (e.g. a department's own subtree when moving it). */
  disabledIds?: Set<string>;
  allowClear?: boolean;
  placeholder?: string;
  style?: React.CSSProperties;
  'data-testid'?: string;
}

const mark = (nodes: DepartmentNode[], disabled: Set<string>): (DepartmentNode & { disabled: boolean })[] =>
  nodes.map((n) => ({ ...n, disabled: disabled.has(n.key), children: mark(n.children, disabled) }));

/** Chooses a department from the company's tree. */
export function DepartmentTreeSelect({ id, departments, value, onChange, disabledIds, allowClear, placeholder, style, ...rest }: Props) {
  const { t } = useTranslation();
  const treeData = useMemo(() => mark(toTreeData(departments), disabledIds ?? new Set()), [departments, disabledIds]);
  return (
    <TreeSelect
      id={id}
      data-testid={rest['data-testid']}
      value={value}
      onChange={onChange}
      treeData={treeData}
      treeDefaultExpandAll
      showSearch
      treeNodeFilterProp="title"
      allowClear={allowClear}
      placeholder={placeholder ?? t('org.department.choose')}
      style={{ width: '100%', ...style }}
    />
  );
}

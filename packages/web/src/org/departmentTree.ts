import type { Department } from './api';

export interface DepartmentNode {
  key: string;
  value: string;
  title: string;
  department: Department;
  children: DepartmentNode[];
}

/** Nests the server's flat list (parents first) into antd Tree / TreeSelect data. */
export function toTreeData(departments: Department[]): DepartmentNode[] {
  const nodes = new Map<string, DepartmentNode>();
  const roots: DepartmentNode[] = [];
  for (const d of departments) {
    const node: DepartmentNode = { key: d.id, value: d.id, title: d.name, department: d, children: [] };
    nodes.set(d.id, node);
    const parent = d.parentId ? nodes.get(d.parentId) : undefined;
    if (parent) parent.children.push(node);
    else roots.push(node);
  }
  return roots;
}

/** A department and every department below it (a department cannot move under any of them). */
export function subtreeIds(departments: Department[], rootId: string): Set<string> {
  const ids = new Set([rootId]);
  for (const d of departments) if (d.parentId && ids.has(d.parentId)) ids.add(d.id);
  return ids;
}

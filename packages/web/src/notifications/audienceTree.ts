import type { AudienceDepartment } from './api';

export interface AudienceNode {
  value: string;
  title: string;
  children: AudienceNode[];
}

/** Nests the flat department list for a TreeSelect; each title shows how many people it reaches. */
export function toAudienceTree(departments: AudienceDepartment[], label: (d: AudienceDepartment, reach: number) => string): AudienceNode[] {
  const children = new Map<string | null, AudienceDepartment[]>();
  const ids = new Set(departments.map((d) => d.id));
  for (const d of departments) {
    const parent = d.parentId && ids.has(d.parentId) ? d.parentId : null;
    children.set(parent, [...(children.get(parent) ?? []), d]);
  }
  // An announcement reaches the department and everything below it, so titles count the subtree.
  const build = (parent: string | null, seen: Set<string>): { nodes: AudienceNode[]; reach: number } => {
    let total = 0;
    const nodes = (children.get(parent) ?? []).filter((d) => !seen.has(d.id)).map((d) => {
      const below = build(d.id, new Set([...seen, d.id]));
      const reach = d.members + below.reach;
      total += reach;
      return { value: d.id, title: label(d, reach), children: below.nodes };
    });
    return { nodes, reach: total };
  };
  return build(null, new Set()).nodes;
}

import { del, get, patch, post } from '../../api/client';

/** 产品目录 (server objects/product/category.types.ts). */
export interface Category {
  id: string;
  parentId: string | null;
  name: string;
  path: string;
  sortOrder: number;
  productCount: number;
  version: number;
}

interface Tree {
  items: Category[];
}

const base = '/api/v1/product-categories';

export const categoriesApi = {
  list: () => get<Tree>(base).then((r) => r.items),
  create: (name: string, parentId: string | null) => post<Tree>(base, { name, parentId }).then((r) => r.items),
  update: (id: string, change: { name?: string; parentId?: string | null; version: number }) => patch<Tree>(`${base}/${id}`, change).then((r) => r.items),
  shift: (id: string, direction: 'up' | 'down') => post<Tree>(`${base}/${id}/shift`, { direction }).then((r) => r.items),
  remove: (id: string) => del<Tree>(`${base}/${id}`).then((r) => r.items),
};

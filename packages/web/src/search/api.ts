import type { Label } from '@yixiao/core';
import { get } from '../api/client';

/** GET /api/v1/search (server search/routes.ts). */
export interface SearchItem {
  id: string;
  name: string;
  secondary: string | null;
  link: string;
}

export interface SearchGroup {
  object: string;
  label: Label;
  items: SearchItem[];
  more: boolean;
}

export const searchRecords = (q: string, limit: number) =>
  get<{ groups: SearchGroup[] }>(`/api/v1/search?q=${encodeURIComponent(q)}&limit=${limit}`).then((r) => r.groups);

export const searchPagePath = (q: string) => `/search?q=${encodeURIComponent(q)}`;

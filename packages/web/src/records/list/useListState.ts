import { useEffect, useState } from 'react';
import type { FilterNode } from '@yixiao/core';
import type { ListQuery, SavedView } from '../api';
import { combine, type ActiveFilter } from './filters';
import type { ViewChoice } from './ViewSwitcher';

const storageKey = (userId: string, object: string) => `yixiao.listView.${userId}.${object}`;

function rememberedView(userId: string, object: string): ViewChoice {
  try {
    const stored = JSON.parse(localStorage.getItem(storageKey(userId, object)) ?? 'null') as ViewChoice | null;
    if (stored && (stored.kind === 'system' || stored.kind === 'saved')) return stored;
  } catch {
    // A damaged entry falls back to the default view.
  }
  return { kind: 'system', key: 'all' };
}

/**
 * What a list shows: the view (remembered per user and object, like the manual's last 检索), column
 * filters, sort and page. Changing what is shown goes back to page 1.
 */
export function useListState(object: string, userId: string, owned: boolean) {
  const [view, setViewState] = useState<ViewChoice>(() => rememberedView(userId, object));
  const [filters, setFilters] = useState<ActiveFilter[]>([]);
  const [sort, setSortState] = useState<string | undefined>();
  const [page, setPage] = useState(1);
  const [pageSize, setPageSize] = useState(50);

  useEffect(() => {
    setViewState(rememberedView(userId, object));
    setFilters([]);
    setSortState(undefined);
    setPage(1);
  }, [object, userId]);

  const setView = (next: ViewChoice) => {
    localStorage.setItem(storageKey(userId, object), JSON.stringify(next));
    setViewState(next);
    setFilters([]);
    setPage(1);
  };
  const setFilter = (key: string, filter: ActiveFilter | null) => {
    setFilters((current) => {
      const rest = current.filter((f) => f.key !== key);
      return filter ? [...rest, filter] : rest;
    });
    setPage(1);
  };
  const setSort = (next: string | undefined) => {
    setSortState(next);
    setPage(1);
  };

  const effectiveView = owned && view.kind === 'system' ? view.key : 'all';
  const query: ListQuery = {
    filter: combine(filters.map((f) => f.node)),
    view: effectiveView,
    viewId: view.kind === 'saved' ? view.id : undefined,
    sort,
    page,
    pageSize,
  };

  /** The filter a view saved now should hold: the view's own rule, its saved filter, then the tags. */
  const filterToSave = (saved: SavedView | undefined): FilterNode | undefined => {
    const parts: FilterNode[] = [];
    if (view.kind === 'saved' && saved) parts.push(saved.filter);
    if (owned && view.kind === 'system' && view.key === 'mine') parts.push({ field: 'ownerId', op: 'isMe' });
    if (owned && view.kind === 'system' && view.key === 'stale7') {
      parts.push({ or: [{ field: 'lastActivityAt', op: 'isEmpty' }, { field: 'lastActivityAt', op: 'olderThan', value: { days: 7 } }] });
    }
    parts.push(...filters.map((f) => f.node));
    return combine(parts);
  };

  return { view, setView, filters, setFilter, clearFilters: () => (setFilters([]), setPage(1)), sort, setSort, page, setPage, pageSize, setPageSize, query, filterToSave };
}

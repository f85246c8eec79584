import type { PoolObjectKey } from '@yixiao/core';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { ListPage } from '../../records/api';
import { poolApi, type PoolListQuery } from './api';

/** One page of the pool list for a query; the answer of an older query never replaces a newer one. */
export function usePoolList(object: PoolObjectKey, query: PoolListQuery) {
  const [page, setPage] = useState<ListPage | null>(null);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<Error | null>(null);
  const latest = useRef(0);
  const key = JSON.stringify(query);

  const load = useCallback(async () => {
    const call = ++latest.current;
    setLoading(true);
    try {
      const answer = await poolApi.list(object, JSON.parse(key) as PoolListQuery);
      if (call === latest.current) {
        setPage(answer);
        setError(null);
      }
    } catch (e) {
      if (call === latest.current) setError(e as Error);
    } finally {
      if (call === latest.current) setLoading(false);
    }
  }, [object, key]);

  useEffect(() => {
    void load();
  }, [load]);

  return { page, loading, error, reload: load };
}

import { useCallback, useEffect, useRef, useState } from 'react';
import { recordsApi, type ListPage, type ListQuery } from '../api';

/** One page of a list for a query; the answer of an older query never replaces a newer one. */
export function useRecordList(object: string, query: ListQuery | null) {
  const [page, setPage] = useState<ListPage | null>(null);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<Error | null>(null);
  const latest = useRef(0);
  const key = query ? JSON.stringify(query) : null;

  const load = useCallback(async () => {
    if (!key) return;
    const call = ++latest.current;
    setLoading(true);
    try {
      const answer = await recordsApi.list(object, JSON.parse(key) as ListQuery);
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

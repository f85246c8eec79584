import { useEffect, useState } from 'react';
import { searchRecords, type SearchGroup } from './api';

/**
 * The groups for a query, asked `delay` ms after the last keystroke; an answer to an older query
 * that arrives late never replaces a newer one.
 */
export function useSearch(q: string, limit: number, delay: number) {
  const [state, setState] = useState<{ q: string; groups: SearchGroup[] }>({ q: '', groups: [] });
  const [loading, setLoading] = useState(false);
  useEffect(() => {
    if (!q) return;
    let current = true;
    const timer = setTimeout(() => {
      setLoading(true);
      searchRecords(q, limit)
        .then((groups) => { if (current) setState({ q, groups }); })
        .catch(() => { if (current) setState({ q, groups: [] }); })
        .finally(() => { if (current) setLoading(false); });
    }, delay);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [q, limit, delay]);
  return { groups: q && state.q === q ? state.groups : [], loading: !!q && (loading || state.q !== q) };
}

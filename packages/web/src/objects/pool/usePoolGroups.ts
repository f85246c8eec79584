import type { PoolGroup, PoolObjectKey } from '@yixiao/core';
import { useCallback, useEffect, useState } from 'react';
import { poolApi } from './api';

/** The pool groups the user belongs to (all of them for pool administrators), with a reload. */
export function usePoolGroups(object: PoolObjectKey) {
  const [groups, setGroups] = useState<PoolGroup[] | null>(null);
  const [error, setError] = useState<Error | null>(null);
  const reload = useCallback(async () => {
    try {
      setGroups(await poolApi.groups(object));
      setError(null);
    } catch (e) {
      setError(e as Error);
      setGroups((current) => current ?? []);
    }
  }, [object]);
  useEffect(() => {
    void reload();
  }, [reload]);
  return { groups, error, reload };
}

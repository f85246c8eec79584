import { useCallback, useEffect, useState } from 'react';
import { ApiError } from '../../api/client';
import { recordsApi } from '../api';
import type { RecordData } from '../extensions';

/** One record read from the server; `missing` when it does not exist or the user may not see it (404). */
export function useRecord(object: string, id: string) {
  const [record, setRecord] = useState<RecordData | null>(null);
  const [missing, setMissing] = useState(false);
  const [error, setError] = useState<Error | null>(null);

  const refresh = useCallback(async () => {
    try {
      const fresh = await recordsApi.read(object, id);
      setRecord(fresh);
      setMissing(false);
      setError(null);
      return fresh;
    } catch (e) {
      if (e instanceof ApiError && e.status === 404) setMissing(true);
      else setError(e as Error);
      return null;
    }
  }, [object, id]);

  useEffect(() => {
    setRecord(null);
    void refresh();
  }, [refresh]);

  return { record, setRecord, missing, error, refresh };
}

import type { ImportJob } from '@yixiao/core';
import { useEffect, useState } from 'react';
import { ACTIVE_STATUSES, importApi } from './api';

const POLL_MS = 800;

/**
 * The import job as it goes: started from the job the upload answered, then read again every
 * 0.8 s while it still moves (读取文件 → 导入中 → 完成 …). A failed poll is retried, not fatal: the
 * import goes on on the server whatever the network does.
 */
export function useImportJob(initial: ImportJob | null) {
  const [job, setJob] = useState<ImportJob | null>(initial);
  useEffect(() => setJob(initial), [initial]);

  const id = job?.id;
  const active = !!job && ACTIVE_STATUSES.has(job.status);
  useEffect(() => {
    if (!id || !active) return;
    let stopped = false;
    let timer: ReturnType<typeof setTimeout>;
    const poll = async () => {
      try {
        const next = await importApi.job(id);
        if (!stopped) setJob(next);
      } catch {
        // try again on the next tick
      }
      if (!stopped) timer = setTimeout(() => void poll(), POLL_MS);
    };
    timer = setTimeout(() => void poll(), POLL_MS);
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
  }, [id, active]);

  return [job, setJob] as const;
}

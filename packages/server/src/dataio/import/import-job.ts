import type { FastifyPluginAsync } from 'fastify';
import { IMPORT_QUEUE, type ImportJobData } from './queue';
import { runImport } from './run-import';
import { staleSeconds } from './job-view';
import { sweepImports } from './sweep';

/**
 * The import runner in this process: a worker on the import queue, and a sweep that notices imports
 * whose process died and queues them again. On close the running import stops after the batch in
 * hand and is marked interrupted, so another process (or this one, restarted) resumes it.
 */
export const importJob: FastifyPluginAsync = async (app) => {
  const { db } = app.services.database;
  const stopping = new AbortController();
  app.jobs.work<ImportJobData>(IMPORT_QUEUE, (data) => runImport(db, data.tenantId, data.jobId, app.log, stopping.signal), {
    // The runner owns the job through its heartbeat, not through pg-boss's expiry: a retried
    // delivery finds the job taken and does nothing.
    retryLimit: 3, retryDelay: 5, expireInSeconds: 12 * 3600, pollingIntervalSeconds: 1,
  });
  let timer: NodeJS.Timeout | undefined;
  const sweep = () => sweepImports(db, app.jobs).catch((error: unknown) => app.log.error({ err: error }, 'import sweep failed'));
  app.addHook('onReady', async () => {
    await sweep();
    timer = setInterval(() => void sweep(), Math.max(1, staleSeconds() / 2) * 1000);
    timer.unref();
  });
  app.addHook('preClose', async () => {
    clearInterval(timer);
    stopping.abort();
  });
};

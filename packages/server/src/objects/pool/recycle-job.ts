import type { FastifyPluginAsync } from 'fastify';
import { sweepAll } from './recycle';

export const RECYCLE_QUEUE = 'pool-recycle';
const EVERY_MS = 15 * 60_000;

/**
 * The recycle rules' clock: a sweep every quarter hour, each sweep queueing the next. The 'short'
 * policy keeps at most one sweep waiting however many processes start, and a crashed sweep is retried.
 */
export const poolRecycleJob: FastifyPluginAsync = async (app) => {
  const { db } = app.services.database;
  const next = () => app.jobs.send(RECYCLE_QUEUE, {}, { singletonKey: 'sweep', startAfter: new Date(Date.now() + EVERY_MS) });
  app.jobs.work(RECYCLE_QUEUE, async () => {
    await sweepAll(db, new Date());
    await next();
  }, { policy: 'short', retryLimit: 3, expireInSeconds: 600 });
  app.addHook('onReady', async () => {
    await app.jobs.send(RECYCLE_QUEUE, {}, { singletonKey: 'sweep' });
  });
};

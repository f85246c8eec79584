import type { FastifyInstance } from 'fastify';
import type { Database } from '../../db/database';
import { Jobs } from './jobs';

declare module 'fastify' {
  interface FastifyInstance {
    /** Durable background jobs; rooms declare their queues and workers while the app is built. */
    jobs: Jobs;
  }
}

/** One job runner per app: started when the app is ready, stopped (waiting for running jobs) on close. */
export function registerJobs(app: FastifyInstance, database: Database): void {
  app.decorate('jobs', new Jobs(database.pool, app.log));
  app.addHook('onReady', async () => {
    await app.jobs.start();
  });
  app.addHook('onClose', async () => {
    await app.jobs.stop();
  });
}

import PgBoss from 'pg-boss';
import type pg from 'pg';
import type { DbOrTx } from '../../db/database';
import { kyselyExecutor, poolExecutor, type SqlExecutor } from './sql-executors';

export interface QueueOptions {
  /**
   * 'standard' (default): every job runs, each by one worker at a time.
   * 'short': one queued job per singletonKey; 'singleton': one running job per key;
   * 'stately': one queued and one running per key (pg-boss queue policies).
   */
  policy?: 'standard' | 'short' | 'singleton' | 'stately';
  retryLimit?: number;
  retryDelay?: number;
  retryBackoff?: boolean;
  /** A job still running after this long counts as failed and is retried: keep handlers shorter. */
  expireInSeconds?: number;
}

export interface SendOptions {
  /** Run no earlier than this time. */
  startAfter?: Date;
  /** With a queue policy other than 'standard', or with singletonSeconds: at most one job per key. */
  singletonKey?: string;
  singletonSeconds?: number;
  retryLimit?: number;
  /** Send inside this transaction: the job exists only if it commits. */
  tx?: DbOrTx;
}

export interface JobInfo {
  id: string;
  queue: string;
}
export type JobHandler<T> = (data: T, job: JobInfo) => Promise<void>;

interface Logger {
  error(obj: object, msg?: string): void;
}

const DEFAULT_QUEUE: QueueOptions = { retryLimit: 5, retryDelay: 5, retryBackoff: true, expireInSeconds: 300 };

/**
 * Durable background jobs in PostgreSQL: a thin wrapper over pg-boss (schema `pgboss`, created on
 * first start). Jobs survive restarts; each job is fetched by one worker at a time across every
 * server process (SKIP LOCKED). Queues and workers are declared while the app is built and come
 * alive in start(), which the app runs on ready.
 */
export class Jobs {
  private readonly boss: PgBoss;
  private readonly queues = new Map<string, QueueOptions>();
  private readonly workers: { queue: string; handler: JobHandler<never>; pollingIntervalSeconds: number }[] = [];
  /** SQL and handlers in flight: stop() waits for them so nothing touches the pool after close. */
  private readonly inFlight = new Set<Promise<unknown>>();
  private started = false;

  constructor(pool: pg.Pool, private readonly log: Logger, options: { pollingIntervalSeconds?: number } = {}) {
    const base = poolExecutor(pool);
    const tracked: SqlExecutor = { executeSql: (text, values) => this.track(base.executeSql(text, values)) };
    this.boss = new PgBoss({
      db: tracked as PgBoss.Db,
      schema: 'pgboss',
      migrate: true,
      supervise: true,
      schedule: false, // no cron schedules yet; turning it on adds a clock monitor per process
      pollingIntervalSeconds: options.pollingIntervalSeconds ?? 2,
    });
    this.boss.on('error', (error) => this.log.error({ err: error }, 'job queue error'));
  }

  /** Declares a queue this process sends to. Queues are created at start. */
  defineQueue(name: string, options: QueueOptions = {}): void {
    this.queues.set(name, { ...DEFAULT_QUEUE, ...this.queues.get(name), ...options });
  }

  /** Runs `handler` for each job of `queue` in this process. A thrown error retries the job later. */
  work<T>(queue: string, handler: JobHandler<T>, options: QueueOptions & { pollingIntervalSeconds?: number } = {}): void {
    const { pollingIntervalSeconds, ...queueOptions } = options;
    this.defineQueue(queue, queueOptions);
    this.workers.push({ queue, handler: handler as JobHandler<never>, pollingIntervalSeconds: pollingIntervalSeconds ?? 2 });
    if (this.started) void this.startWorker(this.workers.at(-1)!);
  }

  /** Queues a job; answers its id, or null when a job with the same singletonKey is already queued. */
  async send<T extends object>(queue: string, data: T, options: SendOptions = {}): Promise<string | null> {
    if (!this.queues.has(queue)) throw new Error(`job queue ${queue} is not defined`);
    const { tx, ...rest } = options;
    const sendOptions: PgBoss.SendOptions = { ...rest };
    if (tx) sendOptions.db = kyselyExecutor(tx) as PgBoss.Db;
    return this.boss.send(queue, data, sendOptions);
  }

  async start(): Promise<void> {
    if (this.started) return;
    await this.boss.start();
    for (const [name, options] of this.queues) await this.boss.createQueue(name, { name, ...options });
    this.started = true;
    for (const worker of this.workers) await this.startWorker(worker);
  }

  async stop(): Promise<void> {
    if (!this.started) return;
    this.started = false;
    await this.boss.stop({ graceful: true, timeout: 10_000, close: false });
    // A worker may be mid-fetch when told to stop; let that query and the job it fetched finish.
    while (this.inFlight.size > 0) {
      await Promise.allSettled([...this.inFlight]);
      await new Promise((resolve) => setImmediate(resolve));
    }
  }

  private async startWorker(worker: (typeof this.workers)[number]): Promise<void> {
    await this.boss.work<object>(worker.queue, { pollingIntervalSeconds: worker.pollingIntervalSeconds, batchSize: 1 }, async (jobs) => {
      for (const job of jobs) {
        await this.track((worker.handler as JobHandler<object>)(job.data, { id: job.id, queue: worker.queue }));
      }
    });
  }

  private track<R>(promise: Promise<R>): Promise<R> {
    this.inFlight.add(promise);
    void promise.finally(() => this.inFlight.delete(promise)).catch(() => {});
    return promise;
  }
}

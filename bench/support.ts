// Shared by the benchmarks: an embedded PostgreSQL of their own, a migrated database, and statistics.
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ensureAppDatabase, startEmbeddedPostgres } from '../packages/server/src/db/embedded';
import { migrate } from '../packages/server/src/db/migrate';
import { openDatabase, type Database } from '../packages/server/src/db/database';

export interface BenchDatabase {
  database: Database;
  url: string;
  adminUrl: string;
  /** True when BENCH_DATA named a folder that already held the benchmark's data: skip generating it. */
  reused: boolean;
  close(): Promise<void>;
}

/**
 * A migrated database on a private embedded PostgreSQL: fresh and removed afterwards, or, with
 * BENCH_DATA=<folder>, kept in that folder and reused by the next run (generating a million-row
 * company takes half an hour; a benchmark that honours `reused` measures it again in seconds).
 */
export async function benchDatabase(): Promise<BenchDatabase> {
  const kept = process.env.BENCH_DATA ? path.resolve(process.env.BENCH_DATA) : null;
  const reused = kept !== null && existsSync(path.join(kept, 'generated'));
  const dir = kept ?? mkdtempSync(path.join(os.tmpdir(), 'yixiao-bench-'));
  const server = await startEmbeddedPostgres(dir, { quiet: true });
  const url = await ensureAppDatabase(server.adminUrl(), { role: 'yixiao_app', password: 'bench-password', database: 'bench' });
  await migrate(url);
  const database = openDatabase(url, { max: 4 });
  return {
    database, url, adminUrl: server.adminUrl('bench'), reused,
    async close() {
      await database.close();
      await server.stop();
      if (!kept && process.env.KEEP !== '1') rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Marks a BENCH_DATA folder as holding complete generated data (call after generating). */
export function markGenerated(): void {
  if (process.env.BENCH_DATA) writeFileSync(path.join(path.resolve(process.env.BENCH_DATA), 'generated'), new Date().toISOString() + '\n');
}

export function percentile(samples: number[], p: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

/** Runs `fn` `warmup + runs` times and answers p50/p95 in milliseconds of the measured runs. */
export async function measure(runs: number, fn: (i: number) => Promise<unknown>, warmup = Math.min(20, runs)) {
  for (let i = 0; i < warmup; i++) await fn(i);
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await fn(i);
    samples.push(performance.now() - start);
  }
  return { p50: percentile(samples, 50), p95: percentile(samples, 95) };
}

export const scaleArg = (fallback: number) => {
  const arg = process.argv.find((a) => a.startsWith('--scale='));
  return arg ? Number(arg.split('=')[1]) : fallback;
};

// The server process of a benchmark (import, export): the real app on the bench database, alone in
// its process so its peak RSS is the work measured. Prints "listening <port>" once it takes requests.
import { buildApp } from '../packages/server/src/app';
import { configFromEnv } from '../packages/server/src/config';
import { openDatabase } from '../packages/server/src/db/database';

const url = process.env.BENCH_DATABASE_URL;
if (!url) throw new Error('BENCH_DATABASE_URL is not set');
const database = openDatabase(url, { max: 4 });
const app = await buildApp({ database, config: { ...configFromEnv({}), webDist: null, logLevel: 'error' } });
await app.listen({ port: 0, host: '127.0.0.1' });
const address = app.server.address();
console.log(`listening ${typeof address === 'object' && address ? address.port : ''}`);

// MEMORY=1: the heap beside the RSS every two seconds, to tell retained memory from uncollected garbage.
if (process.env.MEMORY === '1') {
  setInterval(() => {
    const m = process.memoryUsage();
    console.error(`rss ${Math.round(m.rss / 1048576)} MB heap ${Math.round(m.heapUsed / 1048576)}/${Math.round(m.heapTotal / 1048576)} MB external ${Math.round(m.external / 1048576)} MB buffers ${Math.round(m.arrayBuffers / 1048576)} MB`);
  }, 2000).unref();
}

const stop = async () => {
  await app.close().catch(() => {});
  await database.close().catch(() => {});
  process.exit(0);
};
process.on('SIGTERM', () => void stop());
process.on('SIGINT', () => void stop());

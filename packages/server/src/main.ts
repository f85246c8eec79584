import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { buildApp } from './app';
import { configFromEnv } from './config';
import { openDatabase } from './db/database';
import { ensureAppDatabase, startEmbeddedPostgres, type EmbeddedServer } from './db/embedded';
import { migrate } from './db/migrate';
import { seedDemoCompany } from './seed/demo-company';

const startedAt = performance.now();
const config = configFromEnv();
const wantDemo = process.argv.includes('--demo');

let embedded: EmbeddedServer | undefined;
let databaseUrl = config.databaseUrl;
if (!databaseUrl) {
  await mkdir(config.dataDir, { recursive: true });
  embedded = await startEmbeddedPostgres(config.dataDir);
  const secretFile = path.join(config.dataDir, 'pg-app-password');
  const appPassword = existsSync(secretFile) ? (await readFile(secretFile, 'utf8')).trim() : randomBytes(24).toString('base64url');
  if (!existsSync(secretFile)) await writeFile(secretFile, appPassword + '\n', { mode: 0o600 });
  databaseUrl = await ensureAppDatabase(embedded.adminUrl(), { role: 'yixiao_app', password: appPassword, database: 'yixiao' });
}

await migrate(databaseUrl);
const database = openDatabase(databaseUrl, { max: 20 });

// The demo company is made on an empty embedded database, or with --demo on an external one.
const hasTenant = await database.db.selectFrom('tenants').select('id').limit(1).executeTakeFirst();
if (!hasTenant && (embedded || wantDemo)) {
  const given = process.env.YIXIAO_ADMIN_PASSWORD;
  const password = given ?? `Yx-${randomBytes(9).toString('base64url')}9`;
  await seedDemoCompany(database.db, password);
  if (!given) {
    await mkdir(config.dataDir, { recursive: true });
    await writeFile(path.join(config.dataDir, 'admin-password.txt'), password + '\n', { mode: 0o600 });
    console.log(`\n  演示公司已创建 / Demo company created.\n  登录 Sign in: admin / ${password}\n  (saved in ${path.join(config.dataDir, 'admin-password.txt')})\n`);
  }
}

const app = await buildApp({ database, config });
await app.listen({ port: config.port, host: config.host });
console.log(`Yixiao CRM ready at ${config.publicUrl} in ${Math.round(performance.now() - startedAt)} ms`);

let stopping = false;
async function shutdown(signal: string) {
  if (stopping) return;
  stopping = true;
  console.log(`\n${signal}: stopping…`);
  await app.close().catch(() => {});
  await database.close().catch(() => {});
  if (embedded) await embedded.stop().catch((e) => console.error('stopping PostgreSQL failed', e));
  process.exit(0);
}
process.on('SIGINT', () => void shutdown('SIGINT'));
process.on('SIGTERM', () => void shutdown('SIGTERM'));

import { randomBytes } from 'node:crypto';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { buildApp } from './app';
import { configFromEnv } from './config';
import { openAppDatabaseUrl } from './db/app-database';
import { openDatabase } from './db/database';
import { seedDemoAccounts } from './seed/demo-accounts';
import { seedDemoCompany } from './seed/demo-company';
import { seedDemoOpportunities } from './seed/demo-opportunities';
import { seedDemoPools } from './seed/demo-pools';
import { seedDemoRecords } from './seed/demo-records';
import { seedDemoRegistry } from './registry/demo';

const startedAt = performance.now();
const config = configFromEnv();
const target = await openAppDatabaseUrl();
const database = openDatabase(target.url, { max: 20 });

// The demo company is made on an empty embedded database, or with --demo on an external one.
const hasTenant = await database.db.selectFrom('tenants').select('id').limit(1).executeTakeFirst();
if (!hasTenant && (target.embedded || process.argv.includes('--demo'))) {
  const given = process.env.YIXIAO_ADMIN_PASSWORD;
  const password = given ?? `Yx-${randomBytes(9).toString('base64url')}9`;
  const demo = await seedDemoCompany(database.db, password);
  await seedDemoRecords(database.db, demo.tenantId, demo.userIds, config.publicUrl);
  await seedDemoPools(database.db, demo.tenantId, demo.userIds, config.publicUrl);
  await seedDemoAccounts(database.db, demo.tenantId, demo.userIds, config.publicUrl);
  await seedDemoRegistry(database.db, demo.tenantId);
  await seedDemoOpportunities(database.db, demo.tenantId, demo.userIds, config.publicUrl);
  if (!given) {
    await mkdir(config.dataDir, { recursive: true });
    const file = path.join(config.dataDir, 'admin-password.txt');
    await writeFile(file, password + '\n', { mode: 0o600 });
    console.log(`\n  演示公司已创建 / Demo company created.\n  登录 Sign in: admin / ${password}\n  (saved in ${file})\n`);
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
  await target.stop().catch((e) => console.error('stopping PostgreSQL failed', e));
  process.exit(0);
}
process.on('SIGINT', () => void shutdown('SIGINT'));
process.on('SIGTERM', () => void shutdown('SIGTERM'));

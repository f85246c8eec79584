import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { openDatabase, type Database } from '../../src/db/database';

function env(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set: run tests with npm test (scripts/test.mjs starts PostgreSQL)`);
  return value;
}

/** A fresh database for one test file, cloned from the migrated template; dropped by close(). */
export async function createTestDatabase(): Promise<Database> {
  const adminUrl = env('YIXIAO_TEST_ADMIN_URL');
  const name = `t_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name} TEMPLATE ${pg.escapeIdentifier(env('YIXIAO_TEST_TEMPLATE'))} OWNER yixiao_app`);
  } finally {
    await admin.end();
  }
  const url = new URL(adminUrl);
  url.username = 'yixiao_app';
  url.password = env('YIXIAO_TEST_APP_PASSWORD');
  url.pathname = `/${name}`;
  const database = openDatabase(url.toString());
  return {
    ...database,
    async close() {
      await database.close();
      const dropper = new pg.Client({ connectionString: adminUrl });
      await dropper.connect();
      await dropper.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`).finally(() => dropper.end());
    },
  };
}

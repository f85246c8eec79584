import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { configFromEnv } from '../config';
import { ensureAppDatabase, startEmbeddedPostgres } from './embedded';
import { migrate } from './migrate';

/**
 * The migrated database the app runs on: DATABASE_URL when set, otherwise an embedded PostgreSQL in
 * DATA_DIR with its own non-superuser login role (password kept in DATA_DIR/pg-app-password).
 */
export async function openAppDatabaseUrl(): Promise<{ url: string; embedded: boolean; stop(): Promise<void> }> {
  const config = configFromEnv();
  if (config.databaseUrl) {
    await migrate(config.databaseUrl);
    return { url: config.databaseUrl, embedded: false, stop: async () => {} };
  }
  await mkdir(config.dataDir, { recursive: true });
  const server = await startEmbeddedPostgres(config.dataDir);
  const secretFile = path.join(config.dataDir, 'pg-app-password');
  let password = existsSync(secretFile) ? (await readFile(secretFile, 'utf8')).trim() : '';
  if (!password) {
    password = randomBytes(24).toString('base64url');
    await writeFile(secretFile, password + '\n', { mode: 0o600 });
  }
  const url = await ensureAppDatabase(server.adminUrl(), { role: 'yixiao_app', password, database: 'yixiao' });
  await migrate(url);
  return { url, embedded: true, stop: () => server.stop() };
}

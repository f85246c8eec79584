// Starts the embedded PostgreSQL a test run shares and migrates the template database that
// each test file clones (packages/server/test/support/db.ts).
import { register } from 'tsx/esm/api';

register(); // the server code is TypeScript

export async function setupTestCluster(dataDir) {
  const { startEmbeddedPostgres, ensureAppDatabase } = await import('../packages/server/src/db/embedded.ts');
  const { migrate } = await import('../packages/server/src/db/migrate.ts');
  const server = await startEmbeddedPostgres(dataDir, { quiet: true });
  const appPassword = 'test-app-password';
  const templateUrl = await ensureAppDatabase(server.adminUrl(), { role: 'yixiao_app', password: appPassword, database: 'yixiao_template' });
  await migrate(templateUrl);
  return {
    env: {
      YIXIAO_TEST_ADMIN_URL: server.adminUrl(),
      YIXIAO_TEST_TEMPLATE: 'yixiao_template',
      YIXIAO_TEST_APP_PASSWORD: appPassword,
      YIXIAO_TEST_DATA_DIR: dataDir,
    },
    stop: () => server.stop(),
  };
}

// npm test: type check, lint, build the web app, then every test file against one embedded PostgreSQL.
// Each test file clones its own database from a migrated template (see packages/server/test/support/db.ts).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const root = path.resolve(new URL('..', import.meta.url).pathname);
const only = process.argv.slice(2); // optional: test files or folders to run
const quick = process.env.YIXIAO_TEST_QUICK === '1'; // skip type check, lint and web build while iterating

function run(label, command, args, env = {}) {
  console.log(`\n▶ ${label}`);
  const started = Date.now();
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });
  console.log(`  ${label}: ${result.status === 0 ? 'ok' : 'FAILED'} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  if (result.status !== 0) process.exit(result.status ?? 1);
}

function testFiles(dir) {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return name === 'support' ? [] : testFiles(full);
    return name.endsWith('.test.ts') ? [full] : [];
  });
}

const started = Date.now();
if (!quick) {
  run('type check', 'npx', ['tsc', '-p', 'packages/core']);
  run('type check server', 'npx', ['tsc', '-p', 'packages/server']);
  run('type check web', 'npx', ['tsc', '-p', 'packages/web']);
  run('lint', 'npx', ['eslint', '.', '--max-warnings=0']);
  run('build web', 'npm', ['run', 'build', '-w', '@yixiao/web']);
}

const { setupTestCluster } = await import('./test-cluster.mjs');
const dataDir = mkdtempSync(path.join(os.tmpdir(), 'yixiao-test-'));
const cluster = await setupTestCluster(dataDir);
let status = 0;
try {
  const files = only.length
    ? only.flatMap((p) => (statSync(p).isDirectory() ? testFiles(path.resolve(p)) : [path.resolve(p)]))
    : testFiles(path.join(root, 'packages/server/test'));
  // Browser tests run one file at a time after the rest: Chromium, the server and PostgreSQL share
  // two cores, and a browser test starved of CPU fails on timing, not on behaviour.
  const isBrowser = (file) => file.includes(`${path.sep}e2e${path.sep}`);
  const phases = [
    { label: 'tests', files: files.filter((f) => !isBrowser(f)), concurrency: 2 },
    { label: 'browser tests', files: files.filter(isBrowser), concurrency: 1 },
  ].filter((phase) => phase.files.length > 0);
  for (const phase of phases) {
    console.log(`\n▶ ${phase.label}: ${phase.files.length} files`);
    const result = spawnSync(
      process.execPath,
      // A test that hangs fails after ten minutes instead of holding the whole run.
      ['--import', 'tsx', '--test', `--test-concurrency=${phase.concurrency}`, '--test-timeout=600000', '--test-reporter=spec', ...phase.files],
      { cwd: root, stdio: 'inherit', env: { ...process.env, ...cluster.env } },
    );
    if (result.status !== 0) status = result.status ?? 1;
  }
} finally {
  await cluster.stop();
  rmSync(dataDir, { recursive: true, force: true });
}
console.log(`\nnpm test finished in ${((Date.now() - started) / 1000).toFixed(1)} s`);
process.exit(status);

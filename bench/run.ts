// npm run bench [-- name…]: runs each bench/<name>.ts in turn (all when none named). Benchmarks
// report ratios to a baseline measured in the same run, never absolute pass/fail thresholds.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';

const here = path.dirname(new URL(import.meta.url).pathname);
const wanted = process.argv.slice(2).filter((a) => !a.startsWith('-'));
const flags = process.argv.slice(2).filter((a) => a.startsWith('-'));
// bench/<name>.bench.ts, or bench/<name>/<name>.bench.ts for a benchmark with files of its own.
const benches = readdirSync(here, { withFileTypes: true })
  .flatMap((e) => (e.isDirectory() ? (existsSync(path.join(here, e.name, `${e.name}.bench.ts`)) ? [`${e.name}/${e.name}`] : []) : e.name.endsWith('.bench.ts') ? [e.name.replace(/\.bench\.ts$/, '')] : []))
  .filter((file) => wanted.length === 0 || wanted.includes(path.basename(file)));

let failed = 0;
for (const file of benches) {
  console.log(`\n=== bench: ${path.basename(file)} ===`);
  const result = spawnSync(process.execPath, ['--import', 'tsx', path.join(here, `${file}.bench.ts`), ...flags], { stdio: 'inherit' });
  if (result.status !== 0) failed++;
}
process.exit(failed ? 1 : 0);

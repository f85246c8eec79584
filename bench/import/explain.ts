// Where a batch of the import benchmark spends its time, statement by statement: one batch of the
// benchmark's file run through the import's own functions (convert, match, decide, the set-based
// writes, pool entry and auto-assign) in a transaction rolled back, with auto_explain sending every
// statement's plan and timing back as a notice. `npx tsx bench/import/explain.ts --scale=0.05 [--rows=1000]`
import { sql } from 'kysely';
import { openDatabase } from '../../packages/server/src/db/database';
import { loadRules } from '../../packages/server/src/dedupe/rules';
import { loadPrincipal } from '../../packages/server/src/platform/auth/context';
import { openScope } from '../../packages/server/src/records/scope';
import { planColumns } from '../../packages/server/src/dataio/read/columns';
import { makeRowConverter } from '../../packages/server/src/dataio/read/convert';
import { keptOnOverwrite } from '../../packages/server/src/dataio/read/object-rules';
import { applySetBased } from '../../packages/server/src/dataio/import/apply-set';
import { decide, type Decision } from '../../packages/server/src/dataio/import/decide';
import { makeDrafter } from '../../packages/server/src/dataio/import/draft-create';
import { poolDefaults } from '../../packages/server/src/dataio/import/pool-entry';
import { matchDuplicates } from '../../packages/server/src/dataio/import/match-duplicates';
import { benchDatabase, scaleArg } from '../support';
import { benchCompany, HEADER, row } from './company';

const scale = scaleArg(0.05);
const EXISTING = Math.round(1_000_000 * scale);
const ROWS = Number(process.argv.find((a) => a.startsWith('--rows='))?.split('=')[1] ?? 1000);
const MIN_MS = Number(process.env.MIN_MS ?? 2);

const bench = await benchDatabase();
try {
  const { tenantId, adminId } = await benchCompany(bench.database.db, EXISTING, true);
  // The superuser may LOAD auto_explain; the app's code runs unchanged on its connection.
  const admin = openDatabase(bench.adminUrl, { max: 1 });
  admin.pool.on('connect', (client) => client.on('notice', (n) => { if (n.message?.includes('duration')) console.log(`${n.message}\n`); }));
  const db = admin.db;
  const principal = (await loadPrincipal(db, tenantId, adminId))!;
  const auth = { ...principal, via: 'session' as const };
  const scope = await openScope(db, auth, 'lead');
  const plan = planColumns(scope.object, HEADER, auth.locale, 'pool');
  const convert = makeRowConverter(db, scope, { ...plan, columns: plan.columns.map((c) => (c.field.key === 'ownerId' ? { ...c, field: { ...c.field, required: false } } : c)) }, { locale: auth.locale, format: 'csv' });
  const rules = await loadRules(db, tenantId, scope.object);
  const sheetRows = Array.from({ length: ROWS }, (_, k) => ({ line: k + 2, cells: row(k + 1, EXISTING) }));
  await db.transaction().execute(async (tx) => {
    for (const q of ['LOAD \'auto_explain\'', `SET auto_explain.log_min_duration = ${MIN_MS}`, 'SET auto_explain.log_analyze = on', 'SET auto_explain.log_buffers = on',
      'SET auto_explain.log_nested_statements = on', 'SET auto_explain.log_level = notice', 'SET client_min_messages = notice']) await sql.raw(q).execute(tx);
    const step = async <T>(name: string, run: () => Promise<T>) => {
      const started = performance.now();
      const out = await run();
      console.log(`=== ${name}: ${(performance.now() - started).toFixed(0)} ms`);
      return out;
    };
    const converted = await step('convert', () => convert(sheetRows));
    const valid = converted.flatMap((c, ord) => ('values' in c ? [{ ord, values: c.values }] : []));
    const matches = await step('match duplicates', () => matchDuplicates(tx, scope, rules, valid));
    const decisions: Decision[] = valid.map((v) => decide('overwrite', sheetRows[v.ord]!.line, v.values, matches.matches.get(v.ord) ?? []));
    const write = { kept: new Set(keptOnOverwrite(scope.object)), pooled: true, target: 'pool' as const };
    const pool = await poolDefaults(tx, scope);
    await step('apply (set-based)', () => applySetBased(tx, scope, write, decisions, { draft: makeDrafter(scope, write, pool), pool, assigned: {} }));
    throw new Error('rollback');
  }).catch((error: Error) => { if (error.message !== 'rollback') throw error; });
  await admin.close();
} finally {
  await bench.close();
}

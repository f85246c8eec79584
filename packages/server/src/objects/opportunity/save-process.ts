import { sql } from 'kysely';
import type { SalesProcess, SalesStage } from '@yixiao/core';
import type { Db, Tx } from '../../db/database';
import { loadObject } from '../../metadata/registry';
import type { AuthContext } from '../../platform/auth/context';
import { writeAudit } from '../../platform/audit/audit';
import { AppError, invalid, versionConflict } from '../../platform/http/errors';
import type { SalesProcessBody } from './process.types';
import { loadSalesProcess } from './sales-process';

/** Fields a stage cannot require: the stage itself, the loss reason, and what the system fills. */
const NOT_KEY_FIELDS = new Set(['stage', 'lostReason']);

async function used(tx: Tx, tenantId: string, column: 'stage' | 'lost_reason', value: string): Promise<number> {
  const { rows } = await sql<{ n: number }>`SELECT count(*)::int AS n FROM opportunities
    WHERE tenant_id = ${tenantId}::uuid AND ${sql.ref(column)} = ${value}`.execute(tx);
  return rows[0]!.n;
}

/** The stages as sent, checked: values unique and kept, one won and one lost stage, key fields the opportunity has. */
async function normaliseStages(tx: Tx, tenantId: string, input: SalesProcessBody['stages'], current: SalesProcess) {
  const object = await loadObject(tx, tenantId, 'opportunity');
  const seen = new Set<string>();
  const labels = new Set<string>();
  const knownTasks = new Map(current.stages.flatMap((s) => s.tasks.map((t) => [t.id, s.value] as const)));
  const stages = input.map((s) => {
    const value = s.value ?? s.label.zh;
    if (seen.has(value) || labels.has(s.label.zh)) throw invalid('sales.duplicate_stage', { stage: s.label.zh });
    seen.add(value);
    labels.add(s.label.zh);
    const before = current.stages.find((c) => c.value === value);
    // A stage's kind is what its records mean (in progress, won, lost): it never changes.
    if (before && before.kind !== s.kind) throw invalid('sales.closing_stages');
    if (s.kind !== 'open') {
      // 赢单 and 输单 are renamed, never replaced: other rooms (转移, analytics) know them by value.
      if (!before) throw invalid('sales.closing_stages');
      if (!s.enabled) throw invalid('sales.closing_enabled');
      if (s.tasks.length || s.keyFields.length) throw invalid('sales.closing_extras');
      if (s.winRate !== (s.kind === 'won' ? 100 : 0)) throw invalid('sales.win_rate_closing');
    }
    for (const key of s.keyFields) {
      const field = object.field(key);
      if (!field || field.readOnly || field.retired || NOT_KEY_FIELDS.has(key)) throw invalid('sales.bad_key_field', { field: key });
    }
    for (const t of s.tasks) if (t.id && knownTasks.get(t.id) !== value) throw invalid('sales.unknown_task', { id: t.id });
    return { ...s, value, label: { zh: s.label.zh, en: s.label.en || s.label.zh }, keyFields: [...new Set(s.keyFields)] };
  });
  if (stages.filter((s) => s.kind === 'won').length !== 1 || stages.filter((s) => s.kind === 'lost').length !== 1) throw invalid('sales.closing_stages');
  if (!stages.some((s) => s.kind === 'open' && s.enabled)) throw invalid('sales.no_open_stage');
  return stages;
}

function normaliseReasons(input: SalesProcessBody['lostReasons']) {
  const seen = new Set<string>();
  const reasons = input.map((r) => {
    const value = r.value ?? r.label.zh;
    if (seen.has(value)) throw invalid('sales.duplicate_reason', { reason: r.label.zh });
    seen.add(value);
    return { value, label: { zh: r.label.zh, en: r.label.en || r.label.zh }, enabled: r.enabled };
  });
  if (!reasons.some((r) => r.enabled)) throw invalid('sales.no_reason');
  return reasons;
}

/** Takes the process for this save: the first save creates it (version 0 → 1), later ones need the version read. */
async function claimVersion(tx: Tx, auth: AuthContext, mode: SalesProcess['mode'], version: number) {
  if (version === 0) {
    const made = await tx.insertInto('sales_processes').values({ tenant_id: auth.tenantId, mode, updated_by: auth.userId })
      .onConflict((oc) => oc.column('tenant_id').doNothing()).returning('version').executeTakeFirst();
    if (!made) throw versionConflict();
    return;
  }
  const updated = await tx.updateTable('sales_processes')
    .set({ mode, version: sql`version + 1`, updated_by: auth.userId, updated_at: sql`now()` })
    .where('tenant_id', '=', auth.tenantId).where('version', '=', version).returning('version').executeTakeFirst();
  if (!updated) throw versionConflict();
}

/**
 * 系统设置 → 销售流程: the whole process in one save (stages in order with win rates, tasks and key
 * fields; mode; lost reasons). Stage and reason values never change, so opportunities and their
 * history keep theirs; a stage or reason records still use cannot be removed, only disabled.
 */
export async function saveSalesProcess(db: Db, auth: AuthContext, body: SalesProcessBody): Promise<SalesProcess> {
  const { tenantId } = auth;
  return db.transaction().execute(async (tx) => {
    const current = await loadSalesProcess(tx, tenantId);
    await claimVersion(tx, auth, body.mode, body.version);
    const stages = await normaliseStages(tx, tenantId, body.stages, current);
    const reasons = normaliseReasons(body.lostReasons);

    const keptStages = new Set(stages.map((s) => s.value));
    for (const gone of current.stages.filter((s) => !keptStages.has(s.value))) {
      const count = await used(tx, tenantId, 'stage', gone.value);
      if (count > 0) throw new AppError(409, 'stage_in_use', 'sales.stage_in_use', { stage: gone.label.zh, count });
      await tx.deleteFrom('sales_stages').where('tenant_id', '=', tenantId).where('value', '=', gone.value).execute();
    }
    const keptReasons = new Set(reasons.map((r) => r.value));
    for (const gone of current.lostReasons.filter((r) => !keptReasons.has(r.value))) {
      const count = await used(tx, tenantId, 'lost_reason', gone.value);
      if (count > 0) throw new AppError(409, 'reason_in_use', 'sales.reason_in_use', { reason: gone.label.zh, count });
      await tx.deleteFrom('sales_lost_reasons').where('tenant_id', '=', tenantId).where('value', '=', gone.value).execute();
    }

    for (const [index, s] of stages.entries()) {
      const row = { label_zh: s.label.zh, label_en: s.label.en, kind: s.kind, win_rate: s.winRate, sort_order: index, enabled: s.enabled, key_fields: s.keyFields };
      await tx.insertInto('sales_stages').values({ tenant_id: tenantId, value: s.value, ...row })
        .onConflict((oc) => oc.columns(['tenant_id', 'value']).doUpdateSet(row)).execute();
    }
    const keptTasks = stages.flatMap((s) => s.tasks.flatMap((t) => (t.id ? [t.id] : [])));
    let removed = tx.deleteFrom('sales_stage_tasks').where('tenant_id', '=', tenantId);
    if (keptTasks.length) removed = removed.where('id', 'not in', keptTasks);
    await removed.execute();
    for (const s of stages) {
      for (const [index, t] of s.tasks.entries()) {
        if (t.id) {
          await tx.updateTable('sales_stage_tasks').set({ title: t.title, required: t.required, sort_order: index })
            .where('tenant_id', '=', tenantId).where('id', '=', t.id).execute();
        } else {
          await tx.insertInto('sales_stage_tasks').values({ tenant_id: tenantId, stage: s.value, title: t.title, required: t.required, sort_order: index }).execute();
        }
      }
    }
    for (const [index, r] of reasons.entries()) {
      const row = { label_zh: r.label.zh, label_en: r.label.en, enabled: r.enabled, sort_order: index };
      await tx.insertInto('sales_lost_reasons').values({ tenant_id: tenantId, value: r.value, ...row })
        .onConflict((oc) => oc.columns(['tenant_id', 'value']).doUpdateSet(row)).execute();
    }

    const saved = await loadSalesProcess(tx, tenantId);
    await writeAudit(tx, {
      tenantId, actorId: auth.userId, objectType: 'sales_process', recordId: tenantId, action: 'update',
      changes: [{ field: 'process', old: summary(current), new: summary(saved) }],
    });
    return saved;
  });
}

/** What the operation log keeps of a process: mode, stages with win rates, reasons. */
const summary = (p: SalesProcess) => ({
  mode: p.mode,
  stages: p.stages.map((s: SalesStage) => ({ value: s.value, label: s.label.zh, winRate: s.winRate, enabled: s.enabled, keyFields: s.keyFields, tasks: s.tasks.map((t) => t.title) })),
  lostReasons: p.lostReasons.map((r) => r.value),
});

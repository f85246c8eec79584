import { DEFAULT_LOST_REASONS, DEFAULT_SALES_STAGES, type PicklistOption } from '@yixiao/core';
import { registerOptionSource } from './option-sources';

const RANK = { open: 0, won: 1, lost: 2 } as const;

/**
 * 销售阶段 and 输单原因 take their options from the company's sales process (§3.7.6), or from the
 * built-in one (the stages opportunities always had) until an administrator saves one.
 * Registered here, beside the opportunity's metadata, so every loader of it has them.
 */
registerOptionSource('opportunity', 'stage', async (db, tenantId): Promise<PicklistOption[]> => {
  const rows = await db.selectFrom('sales_stages').select(['value', 'label_zh', 'label_en', 'enabled', 'kind'])
    .where('tenant_id', '=', tenantId).orderBy('sort_order').orderBy('value').execute();
  if (rows.length === 0) return DEFAULT_SALES_STAGES.map((s) => ({ value: s.value, label: s.label, enabled: s.enabled }));
  return rows.sort((a, b) => RANK[a.kind] - RANK[b.kind]).map((s) => ({ value: s.value, label: { zh: s.label_zh, en: s.label_en }, enabled: s.enabled }));
});

registerOptionSource('opportunity', 'lostReason', async (db, tenantId): Promise<PicklistOption[]> => {
  const saved = await db.selectFrom('sales_processes').select('tenant_id').where('tenant_id', '=', tenantId).executeTakeFirst();
  if (!saved) return DEFAULT_LOST_REASONS.map((r) => ({ ...r }));
  const rows = await db.selectFrom('sales_lost_reasons').select(['value', 'label_zh', 'label_en', 'enabled'])
    .where('tenant_id', '=', tenantId).orderBy('sort_order').orderBy('value').execute();
  return rows.map((r) => ({ value: r.value, label: { zh: r.label_zh, en: r.label_en }, enabled: r.enabled }));
});

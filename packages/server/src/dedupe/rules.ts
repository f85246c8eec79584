import type { DbOrTx } from '../db/database';
import '../db/schema-dedupe';
import type { EngineField, EngineObject } from '../metadata/registry';
import { STANDARD_OBJECTS } from '../metadata/objects';
import { invalid } from '../platform/http/errors';

import type { DedupeRules, MatchKind, RuleField } from '@yixiao/core';

export type { DedupeRules, MatchKind, RuleField };

/** 仁科互动 within 仁科互动网络… or 仁科互动营销 scores 0.8; two names sharing only their first character score 1/3. */
export const DEFAULT_THRESHOLD = 0.5;
export const MAX_RULE_FIELDS = 5;

/** The built-in rules (§3.2.7, §3.5.2): leads by company or mobile, accounts by name, contacts by mobile or e-mail. */
const DEFAULTS: Record<string, RuleField[]> = {
  lead: [{ field: 'companyName', match: 'fuzzy', threshold: DEFAULT_THRESHOLD }, { field: 'mobile', match: 'exact' }],
  account: [{ field: 'name', match: 'fuzzy', threshold: DEFAULT_THRESHOLD }],
  contact: [{ field: 'mobile', match: 'exact' }, { field: 'email', match: 'exact' }],
};

/** Objects a company may set rules for: everything but activity records and tasks, which are not "the same thing twice". */
export const DEDUPE_OBJECTS = STANDARD_OBJECTS.map((o) => o.key).filter((key) => key !== 'activity' && key !== 'task');

/** Field types a rule may compare; only plain text has a fuzzy form (names and companies). */
const COMPARABLE = new Set<EngineField['type']>(['text', 'phone', 'email']);

export function ruleFieldProblem(object: EngineObject, rule: RuleField): string | null {
  const field = object.field(rule.field);
  if (!field || field.retired || !COMPARABLE.has(field.type)) return 'field';
  if (rule.match === 'fuzzy' && field.type !== 'text') return 'fuzzy';
  return null;
}

export async function loadRules(db: DbOrTx, tenantId: string, object: EngineObject): Promise<DedupeRules> {
  const row = await db.selectFrom('dedupe_rules').select(['enabled', 'fields'])
    .where('tenant_id', '=', tenantId).where('object', '=', object.key).executeTakeFirst();
  const fields = row ? row.fields : DEFAULTS[object.key] ?? [];
  // A field retired after the rule was saved drops out of the rule instead of breaking every check.
  return {
    object: object.key,
    enabled: row ? row.enabled : fields.length > 0,
    fields: fields.filter((f) => ruleFieldProblem(object, f) === null),
    isDefault: !row,
  };
}

export async function saveRules(db: DbOrTx, tenantId: string, userId: string, object: EngineObject, input: { enabled: boolean; fields: RuleField[] }): Promise<DedupeRules> {
  const seen = new Set<string>();
  for (const rule of input.fields) {
    const problem = ruleFieldProblem(object, rule);
    const label = object.field(rule.field)?.label.zh ?? rule.field;
    if (problem) throw invalid(problem === 'fuzzy' ? 'dedupe.fuzzy_text_only' : 'dedupe.bad_field', { field: label });
    if (seen.has(rule.field)) throw invalid('dedupe.repeated_field', { field: label });
    seen.add(rule.field);
  }
  const fields = input.fields.map((f) => (f.match === 'fuzzy' ? { field: f.field, match: f.match, threshold: f.threshold ?? DEFAULT_THRESHOLD } : { field: f.field, match: f.match }));
  await db.insertInto('dedupe_rules')
    .values({ tenant_id: tenantId, object: object.key, enabled: input.enabled, fields: JSON.stringify(fields), updated_by: userId })
    .onConflict((oc) => oc.columns(['tenant_id', 'object']).doUpdateSet({ enabled: input.enabled, fields: JSON.stringify(fields), updated_by: userId, updated_at: new Date() }))
    .execute();
  return { object: object.key, enabled: input.enabled, fields, isDefault: false };
}

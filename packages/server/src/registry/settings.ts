import { sql } from 'kysely';
import type { DbOrTx, Tx } from '../db/database';
import type { RegistryProviderKind } from '../db/schema-registry';
import { loadObject } from '../metadata/registry';
import { writeAudit } from '../platform/audit/audit';
import type { AuthContext } from '../platform/auth/context';
import { invalid } from '../platform/http/errors';
import { checkFillRules } from './fill';
import type { FillRule, RegistrySettings, SettingsInput } from './registry.types';

/** §3.5.2: 详细地址, 电话, 公司网址 are what the manual fills; administrators may choose more or fewer. */
export const DEFAULT_FILL: FillRule[] = [
  { source: 'address', target: 'address' },
  { source: 'phone', target: 'phone' },
  { source: 'website', target: 'website' },
];

export interface StoredSettings {
  provider: RegistryProviderKind;
  httpUrl: string | null;
  httpKey: string | null;
  fill: FillRule[];
  dataSource: 'sample' | 'file' | null;
  dataFileName: string | null;
  dataLoadedAt: Date | null;
}

/** A company's settings; a company that never opened 工商信息设置 has the provider off. */
export async function loadSettings(db: DbOrTx, tenantId: string): Promise<StoredSettings> {
  const row = await db.selectFrom('registry_settings').selectAll().where('tenant_id', '=', tenantId).executeTakeFirst();
  return {
    provider: row?.provider ?? 'off',
    httpUrl: row?.http_url ?? null,
    httpKey: row?.http_key ?? null,
    fill: row?.fill ?? DEFAULT_FILL,
    dataSource: row?.data_source ?? null,
    dataFileName: row?.data_file_name ?? null,
    dataLoadedAt: row?.data_loaded_at ?? null,
  };
}

/** Enough of the key to recognise it (its last four characters), never the key. */
const keyHint = (key: string | null) => (key ? `••••${key.length > 8 ? key.slice(-4) : ''}` : null);

/** The settings as 系统设置 shows them, with how many companies the offline registry holds. */
export async function settingsView(db: DbOrTx, tenantId: string): Promise<RegistrySettings> {
  const s = await loadSettings(db, tenantId);
  const { count } = await db.selectFrom('registry_companies').select(sql<string>`count(*)`.as('count')).where('tenant_id', '=', tenantId).executeTakeFirstOrThrow();
  return {
    provider: s.provider,
    httpUrl: s.httpUrl,
    httpKeySet: s.httpKey !== null,
    httpKeyHint: keyHint(s.httpKey),
    fill: s.fill,
    offline: { count: Number(count), source: s.dataSource, fileName: s.dataFileName, loadedAt: s.dataLoadedAt?.toISOString() ?? null },
  };
}

function checkUrl(url: string | null): string | null {
  if (!url) return null;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw invalid('registry.bad_url');
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') throw invalid('registry.bad_url');
  return url.replace(/\/+$/, '');
}

/** Saves 工商信息设置: one row per company, the key kept unless a new one (or its removal) is given. */
export async function saveSettings(tx: Tx, auth: AuthContext, input: SettingsInput, requestId?: string): Promise<void> {
  const before = await loadSettings(tx, auth.tenantId);
  const httpUrl = checkUrl(input.httpUrl === undefined ? before.httpUrl : input.httpUrl);
  const httpKey = input.httpKey === undefined ? before.httpKey : (input.httpKey?.trim() || null);
  if (input.provider === 'http' && !httpUrl) throw invalid('registry.url_required');
  checkFillRules(await loadObject(tx, auth.tenantId, 'account'), input.fill);
  const values = { provider: input.provider, http_url: httpUrl, http_key: httpKey, fill: JSON.stringify(input.fill), updated_by: auth.userId, updated_at: new Date() };
  await tx.insertInto('registry_settings').values({ tenant_id: auth.tenantId, ...values })
    .onConflict((oc) => oc.column('tenant_id').doUpdateSet(values)).execute();
  const changes = [
    { field: 'provider', old: before.provider, new: input.provider },
    { field: 'httpUrl', old: before.httpUrl, new: httpUrl },
    // The key itself never enters the operation log.
    { field: 'httpKey', old: before.httpKey ? '••••' : null, new: httpKey ? '••••' : null, changed: httpKey !== before.httpKey },
    { field: 'fill', old: before.fill, new: input.fill },
  ].filter((c) => ('changed' in c ? c.changed : JSON.stringify(c.old) !== JSON.stringify(c.new))).map(({ field, old, new: next }) => ({ field, old, new: next }));
  if (changes.length) {
    await writeAudit(tx, { tenantId: auth.tenantId, actorId: auth.userId, objectType: 'business_registry', recordId: 'settings', action: 'update', changes, requestId });
  }
}

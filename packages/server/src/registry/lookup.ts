import type { Db } from '../db/database';
import { loadObject } from '../metadata/registry';
import type { AuthContext } from '../platform/auth/context';
import { AppError, notFound } from '../platform/http/errors';
import { t } from '../platform/i18n/messages';
import { findRow } from '../records/read';
import { openScope } from '../records/scope';
import { fillValues } from './fill';
import { httpProvider } from './http-provider';
import { offlineProvider } from './offline-provider';
import { sameName, type RegistryProvider } from './provider';
import type { RegistryCompany, SoftError, Suggestion } from './registry.types';
import { loadSettings, type StoredSettings } from './settings';
import './messages';

/** §3.5.2 suggestions come while typing: a registry slower than this is skipped, the form goes on. */
export const SUGGEST_TIMEOUT_MS = 1500;
/** Opening 工商信息 is a deliberate click: it may wait a little longer. */
export const DETAIL_TIMEOUT_MS = 4000;
export const SUGGEST_LIMIT = 10;
/** Fewer characters than this suggest nothing: one character matches half the registry. */
export const MIN_KEYWORD = 2;

/** Reports a provider failure to the server log; the user only sees a soft notice. */
export type FailureLog = (error: unknown, what: string) => void;

export function providerOf(db: Db, tenantId: string, settings: StoredSettings): RegistryProvider | null {
  if (settings.provider === 'offline') return offlineProvider(db, tenantId);
  if (settings.provider === 'http' && settings.httpUrl) return httpProvider(settings.httpUrl, settings.httpKey);
  return null;
}

class Timeout extends Error {}

/**
 * Runs a provider call under a deadline. The answer comes at the deadline at the latest, even from a
 * provider that ignores the abort signal; a failure becomes a soft error for the screen.
 */
async function withDeadline<T>(ms: number, run: (signal: AbortSignal) => Promise<T>, locale: AuthContext['locale'], log: FailureLog, what: string):
  Promise<{ value: T; error: null } | { value: null; error: NonNullable<SoftError> }> {
  const controller = new AbortController();
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      reject(new Timeout());
      controller.abort();
    }, ms);
  });
  try {
    return { value: await Promise.race([run(controller.signal), deadline]), error: null };
  } catch (error) {
    const code = error instanceof Timeout ? 'timeout' : 'unavailable';
    log(error, `${what}: ${code}`);
    return { value: null, error: { code, message: t(locale, `registry.${code}`) } };
  } finally {
    clearTimeout(timer);
  }
}

/** 工商信息 suggestions for what is typed in 客户名称. Never fails: a slow or broken provider answers an empty list and a notice. */
export async function suggestCompanies(db: Db, auth: AuthContext, keyword: string, log: FailureLog) {
  const settings = await loadSettings(db, auth.tenantId);
  const provider = providerOf(db, auth.tenantId, settings);
  const text = keyword.trim();
  if (!provider || [...text.replace(/\s+/g, '')].length < MIN_KEYWORD) return { provider: settings.provider, items: [] as Suggestion[], error: null };
  const result = await withDeadline(SUGGEST_TIMEOUT_MS, (signal) => provider.search(text, SUGGEST_LIMIT, signal), auth.locale, log, 'registry search');
  return { provider: settings.provider, items: result.value ?? [], error: result.error };
}

/** One registration and the account values it fills; 404 when unknown, 503 when the registry cannot answer. */
export async function companyWithFill(db: Db, auth: AuthContext, creditCode: string, log: FailureLog) {
  const settings = await loadSettings(db, auth.tenantId);
  const provider = providerOf(db, auth.tenantId, settings);
  if (!provider) throw new AppError(409, 'registry_off', 'registry.off');
  const result = await withDeadline(DETAIL_TIMEOUT_MS, (signal) => provider.get(creditCode, signal), auth.locale, log, 'registry company');
  if (result.error) throw new AppError(503, `registry_${result.error.code}`, `registry.${result.error.code}`);
  if (!result.value) throw notFound();
  return { company: result.value, fill: fillValues(await loadObject(db, auth.tenantId, 'account'), settings.fill, result.value) };
}

/**
 * The 工商信息 tab of an account (§3.5.2 "点击工商信息，以查看更详细信息"): the registration whose name
 * is the account's, else the registered names that come close. Only for accounts the caller may see.
 */
export async function accountRegistration(db: Db, auth: AuthContext, accountId: string, log: FailureLog) {
  const scope = await openScope(db, auth, 'account');
  const row = await findRow(db, scope, accountId);
  const name = String(row.name ?? '');
  const settings = await loadSettings(db, auth.tenantId);
  const provider = providerOf(db, auth.tenantId, settings);
  const none = { provider: settings.provider, company: null, fill: {}, candidates: [] as Suggestion[], error: null };
  if (!provider || !name.trim()) return none;
  const result = await withDeadline(DETAIL_TIMEOUT_MS, async (signal) => {
    const found = await provider.search(name, 5, signal);
    const exact = found.find((s) => sameName(s.name, name));
    const company: RegistryCompany | null = exact ? await provider.get(exact.creditCode, signal) : null;
    return { company, candidates: company ? [] : found };
  }, auth.locale, log, 'registry account');
  if (result.error) return { ...none, error: result.error };
  const { company, candidates } = result.value;
  return { ...none, company, candidates, fill: company ? fillValues(scope.object, settings.fill, company) : {} };
}

import type { RegistryCompany, Suggestion } from './registry.types';

/**
 * Where registrations come from. Two kinds: the offline data file an administrator loaded
 * (offline-provider.ts) and a registry service over HTTP (http-provider.ts, contract in
 * HTTP-CONTRACT.md). Callers bound every call with a deadline (lookup.ts): a provider is allowed
 * to be slow or down, a form never waits for it.
 */
export interface RegistryProvider {
  /** Companies whose names start with or contain the keyword, best first. */
  search(keyword: string, limit: number, signal: AbortSignal): Promise<Suggestion[]>;
  /** The full registration of one company; null when the registry has no such code. */
  get(creditCode: string, signal: AbortSignal): Promise<RegistryCompany | null>;
}

/** A provider answered something we cannot read, or not at all (network, HTTP status, bad JSON). */
export class ProviderError extends Error {}

/** A name as registrations compare: width (NFKC turns （） into ()), case, spaces and bracket kinds aside. */
export const foldName = (name: string) => name.normalize('NFKC').toLowerCase().replace(/\s+/g, '').replace(/[[{【〔〖]/g, '(').replace(/[\]}】〕〗]/g, ')');

/** Whether two names are the same registration. */
export const sameName = (a: string, b: string) => foldName(a) === foldName(b);

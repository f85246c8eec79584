import { api, del, get, post, put } from '../api/client';

/** Shapes of the 工商信息 API (server registry/registry.types.ts). */
export type RegistryProviderKind = 'off' | 'offline' | 'http';

export interface RegistryCompany {
  creditCode: string;
  name: string;
  legalRepresentative: string | null;
  registeredCapital: string | null;
  establishedOn: string | null;
  status: string | null;
  companyType: string | null;
  province: string | null;
  city: string | null;
  district: string | null;
  address: string | null;
  phone: string | null;
  email: string | null;
  website: string | null;
  industry: string | null;
  businessScope: string | null;
}

export type Suggestion = Pick<RegistryCompany, 'creditCode' | 'name' | 'legalRepresentative' | 'status' | 'address' | 'establishedOn'>;
export interface SoftError { code: 'timeout' | 'unavailable'; message: string }

/** Registry items an account field may be filled from (server FILL_SOURCES), in the order settings list them. */
export const FILL_SOURCES = [
  'address', 'phone', 'website', 'region', 'industry', 'email', 'creditCode', 'legalRepresentative',
  'registeredCapital', 'establishedOn', 'status', 'companyType', 'businessScope',
] as const;
export type FillSource = (typeof FILL_SOURCES)[number];
export interface FillRule { source: FillSource; target: string }

export interface RegistrySettings {
  provider: RegistryProviderKind;
  httpUrl: string | null;
  httpKeySet: boolean;
  httpKeyHint: string | null;
  fill: FillRule[];
  offline: { count: number; source: 'sample' | 'file' | null; fileName: string | null; loadedAt: string | null };
}

export interface SettingsInput {
  provider: RegistryProviderKind;
  httpUrl: string | null;
  /** Absent: keep the stored key; null: remove it. */
  httpKey?: string | null;
  fill: FillRule[];
}

export interface AccountRegistry {
  provider: RegistryProviderKind;
  company: RegistryCompany | null;
  fill: Record<string, unknown>;
  candidates: Suggestion[];
  error: SoftError | null;
}

const ADMIN = '/api/v1/admin/business-registry';

export const registryApi = {
  config: () => get<{ provider: RegistryProviderKind; fill: FillRule[] }>('/api/v1/business-registry/config'),
  suggest: (q: string) => get<{ provider: RegistryProviderKind; items: Suggestion[]; error: SoftError | null }>(`/api/v1/business-registry/suggest?q=${encodeURIComponent(q)}`),
  company: (creditCode: string) => get<{ company: RegistryCompany; fill: Record<string, unknown> }>(`/api/v1/business-registry/companies/${encodeURIComponent(creditCode)}`),
  ofAccount: (id: string) => get<AccountRegistry>(`/api/v1/account/${id}/business-registry`),
  settings: () => get<RegistrySettings>(ADMIN),
  saveSettings: (input: SettingsInput) => put<RegistrySettings>(ADMIN, input),
  uploadData: (file: File) => {
    const form = new FormData();
    form.append('file', file);
    return api<{ count: number }>('POST', `${ADMIN}/data`, form);
  },
  loadSample: () => post<{ count: number }>(`${ADMIN}/data/sample`),
  clearData: () => del<void>(`${ADMIN}/data`),
};

/** Resolves with the promise's answer, or rejects after `ms`: a slow registry never keeps a spinner turning. */
export function withinTime<T>(promise: Promise<T>, ms: number): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('timeout')), ms);
    promise.then((v) => { clearTimeout(timer); resolve(v); }, (e: unknown) => { clearTimeout(timer); reject(e instanceof Error ? e : new Error(String(e))); });
  });
}

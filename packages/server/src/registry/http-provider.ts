import { z } from 'zod';
import { ProviderError, type RegistryProvider } from './provider';
import type { RegistryCompany, Suggestion } from './registry.types';

/** The header the key travels in (HTTP-CONTRACT.md). */
export const KEY_HEADER = 'x-api-key';
/** A registry answer larger than this is not a company list. */
const MAX_BODY = 2 * 1024 * 1024;

/** Text the service may send as a string or a number, blank meaning absent; long text is cut, never refused. */
const text = (max: number) => z.union([z.string(), z.number()]).nullish().transform((v) => {
  const s = v == null ? '' : String(v).trim();
  return s === '' ? null : s.slice(0, max);
});
const date = z.string().nullish().transform((v) => (v && /^\d{4}-\d{2}-\d{2}/.test(v) ? v.slice(0, 10) : null));

/** A company as the service sends it (HTTP-CONTRACT.md): creditCode and name required, the rest optional. */
const remoteCompany = z.object({
  creditCode: z.string().trim().min(1).max(40).transform((v) => v.toUpperCase()),
  name: z.string().trim().min(1).max(300),
  legalRepresentative: text(100),
  registeredCapital: text(100),
  establishedOn: date,
  status: text(50),
  companyType: text(100),
  province: text(50),
  city: text(50),
  district: text(50),
  address: text(500),
  phone: text(100),
  email: text(200),
  website: text(300),
  industry: text(100),
  businessScope: text(4000),
});

const searchAnswer = z.union([z.object({ items: z.array(z.unknown()) }), z.array(z.unknown())]);

/**
 * A registry service over HTTP: GET {url}/search?keyword=…&limit=… and GET {url}/companies/{creditCode},
 * the key in the X-Api-Key header. Items that do not read as companies are left out rather than
 * failing the whole answer.
 */
export function httpProvider(baseUrl: string, key: string | null): RegistryProvider {
  const base = baseUrl.replace(/\/+$/, '');

  async function fetchJson(path: string, signal: AbortSignal): Promise<unknown> {
    let res: Response;
    try {
      res = await fetch(`${base}${path}`, { headers: { accept: 'application/json', ...(key ? { [KEY_HEADER]: key } : {}) }, signal, redirect: 'error' });
    } catch (error) {
      if (signal.aborted) throw error;
      throw new ProviderError(`registry service unreachable: ${(error as Error).message}`);
    }
    if (res.status === 404) {
      await res.body?.cancel();
      return null;
    }
    if (!res.ok) {
      await res.body?.cancel();
      throw new ProviderError(`registry service answered ${res.status}`);
    }
    const body = await res.text();
    if (body.length > MAX_BODY) throw new ProviderError('registry service answer too large');
    try {
      return JSON.parse(body);
    } catch {
      throw new ProviderError('registry service answer is not JSON');
    }
  }

  return {
    async search(keyword, limit, signal) {
      const answer = searchAnswer.safeParse(await fetchJson(`/search?${new URLSearchParams({ keyword, limit: String(limit) })}`, signal));
      if (!answer.success) throw new ProviderError('registry service search answer has no items');
      const items = Array.isArray(answer.data) ? answer.data : answer.data.items;
      return items.flatMap((item): Suggestion[] => {
        const c = remoteCompany.safeParse(item);
        return c.success ? [{ creditCode: c.data.creditCode, name: c.data.name, legalRepresentative: c.data.legalRepresentative, status: c.data.status, address: c.data.address, establishedOn: c.data.establishedOn }] : [];
      }).slice(0, limit);
    },

    async get(creditCode, signal) {
      const answer = await fetchJson(`/companies/${encodeURIComponent(creditCode.trim().toUpperCase())}`, signal);
      if (answer === null) return null;
      const c = remoteCompany.safeParse(answer);
      if (!c.success) throw new ProviderError('registry service company answer is not a company');
      return c.data satisfies RegistryCompany;
    },
  };
}

import { LRUCache } from 'lru-cache';
import type { DbOrTx } from '../../db/database';

/**
 * What nearly every request would otherwise read again before touching a record: the caller's
 * principal and visibility, the object's metadata, the company's time zone and directory. Entries
 * are keyed by the company's configuration version (config_versions, moved by triggers on every
 * table they come from: migration 0020), which each request reads with its credential. A change
 * made anywhere, by any process, makes the next request miss and load afresh; so the cache never
 * needs clearing, and a version nobody asks for any more simply ages out.
 */
const entries = new LRUCache<string, Promise<unknown>>({ max: 2000 });

/**
 * `load()` once per (version, key) in this process; concurrent callers share the one load. No
 * version (a job, a caller that did not read it) or a transaction (which may have changed the
 * configuration itself, unseen by the version read before it began) always loads.
 */
export function remember<T>(db: DbOrTx, version: string | undefined, key: string, load: () => Promise<T>): Promise<T> {
  if (version === undefined || db.isTransaction) return load();
  const id = `${version}:${key}`;
  let entry = entries.get(id) as Promise<T> | undefined;
  if (!entry) {
    entry = load();
    entries.set(id, entry);
    // A failed load (a missing object answers 404) is not remembered.
    entry.catch(() => entries.delete(id));
  }
  return entry;
}

/** Versions are per company; the key carries the company so two companies' version 7 never meet. */
export const versionOf = (tenantId: string, version: string | null | undefined) => (version == null ? undefined : `${tenantId}@${version}`);

import { useEffect, useState } from 'react';
import type { ObjectMeta } from '@yixiao/core';
import { recordsApi } from './api';

/**
 * Metadata is read again on every page visit (an administrator may just have added a field), but
 * the last answer shows at once meanwhile, so moving between records never flashes a spinner.
 */
const lastSeen = new Map<string, ObjectMeta>();
let allObjects: ObjectMeta[] | null = null;

export function useObjectMeta(object: string) {
  const [meta, setMeta] = useState<ObjectMeta | null>(() => lastSeen.get(object) ?? null);
  const [error, setError] = useState<Error | null>(null);
  useEffect(() => {
    let live = true;
    setMeta(lastSeen.get(object) ?? null);
    setError(null);
    recordsApi.object(object).then((m) => {
      lastSeen.set(object, m);
      if (live) setMeta(m);
    }, (e: Error) => live && setError(e));
    return () => {
      live = false;
    };
  }, [object]);
  return { meta, error };
}

/** Every object's metadata: related lists find the lookups that point at a record. */
export function useAllObjects() {
  const [objects, setObjects] = useState<ObjectMeta[] | null>(allObjects);
  useEffect(() => {
    let live = true;
    recordsApi.objects().then((items) => {
      allObjects = items;
      for (const m of items) lastSeen.set(m.key, m);
      if (live) setObjects(items);
    }, () => live && setObjects((current) => current ?? []));
    return () => {
      live = false;
    };
  }, []);
  return objects;
}

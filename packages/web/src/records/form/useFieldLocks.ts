import type { ObjectMeta } from '@yixiao/core';
import { useEffect, useState } from 'react';
import { fieldLocks, type RecordData } from '../extensions';

/**
 * The fields features lock on this record, each with the message key saying why. Asked again
 * whenever the record is read again (a line change reloads the opportunity).
 */
export function useFieldLocks(meta: ObjectMeta, record: RecordData | undefined): ReadonlyMap<string, string> {
  const [locks, setLocks] = useState<ReadonlyMap<string, string>>(new Map());
  useEffect(() => {
    const applicable = record ? fieldLocks.filter((l) => l.objects.includes(meta.key)) : [];
    if (!record || applicable.length === 0) {
      setLocks(new Map());
      return;
    }
    let live = true;
    void Promise.all(applicable.map(async (l) => [l.field, await l.check({ object: meta, record }).catch(() => null)] as const))
      .then((entries) => {
        if (live) setLocks(new Map(entries.filter((e): e is readonly [string, string] => e[1] !== null)));
      });
    return () => {
      live = false;
    };
  }, [meta, record]);
  return locks;
}

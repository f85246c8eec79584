import { useEffect, useState } from 'react';
import { dedupeApi, type DedupeRules } from './api';

const cache = new Map<string, Promise<DedupeRules | null>>();

/** The rules of an object, read once per page load (forms ask for every field) and refreshed when saved. */
export function useRules(object: string): DedupeRules | null {
  const [rules, setRules] = useState<DedupeRules | null>(null);
  useEffect(() => {
    let current = true;
    if (!cache.has(object)) cache.set(object, dedupeApi.rules(object).catch(() => null));
    void cache.get(object)!.then((r) => { if (current) setRules(r); });
    return () => { current = false; };
  }, [object]);
  return rules;
}

export const rulesChanged = (rules: DedupeRules) => cache.set(rules.object, Promise.resolve(rules));

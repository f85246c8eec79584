import type { Label } from '@yixiao/core';
import { useEffect, useState } from 'react';
import { get } from '../../api/client';

let cache: Map<string, Label> | null = null;
let pending: Promise<Map<string, Label>> | null = null;

/** Every object's label (销售线索, 联系人 …), read once per page load, for naming the record an item belongs to. */
export function useObjectLabels(): Map<string, Label> {
  const [labels, setLabels] = useState<Map<string, Label>>(() => cache ?? new Map());
  useEffect(() => {
    if (cache) return;
    let live = true;
    pending ??= get<{ items: { key: string; label: Label }[] }>('/api/v1/metadata/objects').then((r) => (cache = new Map(r.items.map((o) => [o.key, o.label]))));
    pending.then((map) => live && setLabels(map), () => { pending = null; });
    return () => {
      live = false;
    };
  }, []);
  return labels;
}

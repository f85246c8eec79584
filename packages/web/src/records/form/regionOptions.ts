import { useEffect, useState } from 'react';

export interface RegionOption {
  value: string;
  label: string;
  children?: RegionOption[];
}

let loaded: RegionOption[] | null = null;
let loading: Promise<RegionOption[]> | null = null;

/** The region list is a chunk of its own (45 KB), fetched the first time a region input shows. */
function loadRegionOptions(): Promise<RegionOption[]> {
  loading ??= import('@yixiao/core/regions').then(({ regionTree }) => {
    loaded = regionTree().map((p) => ({
      value: p.name, label: p.name,
      children: p.cities.map((c) => ({
        value: c.name, label: c.name,
        ...(c.districts.length ? { children: c.districts.map((d) => ({ value: d, label: d })) } : {}),
      })),
    }));
    return loaded;
  });
  return loading;
}

/** The cascader's options: 省 → 市 → 区; null while the list loads. */
export function useRegionOptions(): RegionOption[] | null {
  const [options, setOptions] = useState<RegionOption[] | null>(loaded);
  useEffect(() => {
    if (!options) void loadRegionOptions().then(setOptions);
  }, [options]);
  return options;
}

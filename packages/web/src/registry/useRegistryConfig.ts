import { useEffect, useState } from 'react';
import { registryApi, type FillRule, type RegistryProviderKind } from './api';

type Config = { provider: RegistryProviderKind; fill: FillRule[] };

/** Read once per page load and shared by every form; 工商信息设置 replaces it when saved. */
let cached: Promise<Config> | null = null;
const listeners = new Set<(c: Config) => void>();

export function registryConfigChanged(config: Config) {
  cached = Promise.resolve(config);
  for (const l of listeners) l(config);
}

/** Whether 工商信息 is on for the company (null while unknown, and when it cannot be read: then it is simply absent). */
export function useRegistryConfig(): Config | null {
  const [config, setConfig] = useState<Config | null>(null);
  useEffect(() => {
    let live = true;
    cached ??= registryApi.config().catch((e: unknown) => {
      cached = null;
      throw e;
    });
    cached.then((c) => live && setConfig(c), () => {});
    listeners.add(setConfig);
    return () => {
      live = false;
      listeners.delete(setConfig);
    };
  }, []);
  return config;
}

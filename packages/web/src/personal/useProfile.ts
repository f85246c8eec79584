import { useCallback, useEffect, useState } from 'react';
import { personalApi, type Profile } from './api';

/** The profile the personal-settings tabs share; reload() after a change. */
export function useProfile() {
  const [profile, setProfile] = useState<Profile | null>(null);
  const reload = useCallback(async () => setProfile(await personalApi.profile()), []);
  useEffect(() => {
    void reload();
  }, [reload]);
  return { profile, reload };
}

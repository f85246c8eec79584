import { useEffect, useRef, useState } from 'react';
import { orgApi, type PickedUser } from './api';

/** Active users matching what is typed, newest answer only (a slow earlier search never overwrites a later one). */
export function useUserSearch() {
  const [options, setOptions] = useState<PickedUser[]>([]);
  const [loading, setLoading] = useState(false);
  const latest = useRef(0);
  const search = async (keyword: string) => {
    const call = ++latest.current;
    setLoading(true);
    try {
      const items = await orgApi.pickUsers(keyword);
      if (call === latest.current) setOptions(items);
    } finally {
      if (call === latest.current) setLoading(false);
    }
  };
  useEffect(() => {
    void search('');
  }, []);
  return { options, loading, search };
}

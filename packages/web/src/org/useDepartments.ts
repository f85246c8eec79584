import { useCallback, useEffect, useState } from 'react';
import { orgApi, type Department } from './api';

/** The company's departments, flat and parents first, with a reload after changes. */
export function useDepartments() {
  const [departments, setDepartments] = useState<Department[]>([]);
  const [loading, setLoading] = useState(true);
  const reload = useCallback(async () => {
    setLoading(true);
    try {
      setDepartments(await orgApi.departments());
    } finally {
      setLoading(false);
    }
  }, []);
  useEffect(() => {
    void reload();
  }, [reload]);
  return { departments, loading, reload };
}

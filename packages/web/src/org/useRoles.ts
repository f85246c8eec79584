import { useCallback, useEffect, useState } from 'react';
import { orgApi, type PermissionInfo, type Role } from './api';

/** The company's roles and the catalogue of function permissions, with a reload after changes. */
export function useRoles() {
  const [roles, setRoles] = useState<Role[]>([]);
  const [permissions, setPermissions] = useState<PermissionInfo[]>([]);
  const [loading, setLoading] = useState(true);
  const reload = useCallback(async () => {
    setLoading(true);
    try {
      const answer = await orgApi.roles();
      setRoles(answer.items);
      setPermissions(answer.permissions);
    } finally {
      setLoading(false);
    }
  }, []);
  useEffect(() => {
    void reload();
  }, [reload]);
  return { roles, permissions, loading, reload };
}

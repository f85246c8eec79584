import { useState } from 'react';
import type { OrgUser } from './api';

/**
 * The state shared by screens that create and edit users: which user the drawer shows, and the
 * temporary password to show once after a create or a reset.
 */
export function useUserEditing() {
  const [editing, setEditing] = useState<'new' | OrgUser | null>(null);
  const [password, setPassword] = useState<{ name: string; login: string; password: string } | null>(null);
  return {
    editing,
    startCreate: () => setEditing('new'),
    startEdit: (user: OrgUser) => setEditing(user),
    close: () => setEditing(null),
    password,
    showPassword: (user: OrgUser, value: string) => setPassword({ name: user.name, login: user.login, password: value }),
    hidePassword: () => setPassword(null),
  };
}

import type { Department, Role } from './api';
import { TemporaryPasswordModal } from './TemporaryPasswordModal';
import { UserDrawer } from './UserDrawer';
import type { useUserEditing } from './useUserEditing';

interface Props {
  editing: ReturnType<typeof useUserEditing>;
  defaultDepartmentId?: string;
  departments: Department[];
  roles: Role[];
  /** After a create or an edit: reload the list the user came from. */
  onSaved: () => void;
}

/** The user drawer and the once-shown temporary password, as every user list opens them. */
export function UserEditorDialogs({ editing, defaultDepartmentId, departments, roles, onSaved }: Props) {
  return (
    <>
      <UserDrawer
        editing={editing.editing}
        defaultDepartmentId={defaultDepartmentId}
        departments={departments}
        roles={roles}
        onClose={editing.close}
        onSaved={(user, password) => {
          editing.close();
          if (password) editing.showPassword(user, password);
          onSaved();
        }}
      />
      <TemporaryPasswordModal shown={editing.password} onClose={editing.hidePassword} />
    </>
  );
}

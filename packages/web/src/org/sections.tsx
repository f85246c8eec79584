import type { SystemSection } from '../settings/systemSections';
import { OrgStructurePage } from './OrgStructurePage';
import { RolesPage } from './RolesPage';
import { UsersPage } from './UsersPage';

/** The org area's sections of 系统设置, in menu order. */
export const orgSections: SystemSection[] = [
  { key: 'org', labelKey: 'org.structure.title', permission: 'org.manage', element: <OrgStructurePage /> },
  { key: 'users', labelKey: 'org.users.title', permission: 'org.manage', element: <UsersPage /> },
  { key: 'roles', labelKey: 'org.roles.title', permission: 'role.manage', element: <RolesPage /> },
];

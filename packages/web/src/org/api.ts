import { del, get, patch, post, put } from '../api/client';

/** Shapes of /api/v1/org/… as the server answers them (see server platform/org/*.types.ts). */
export interface Department {
  id: string;
  parentId: string | null;
  name: string;
  code: string | null;
  headUserId: string | null;
  headName: string | null;
  sortOrder: number;
  memberCount: number;
}

export interface RoleRef { id: string; key: string | null; nameZh: string; nameEn: string }

export interface OrgUser {
  id: string;
  login: string;
  name: string;
  title: string | null;
  email: string | null;
  emailVerified: boolean;
  mobile: string | null;
  mobileVerified: boolean;
  departmentId: string;
  departmentName: string;
  superiorId: string | null;
  superiorName: string | null;
  status: 'active' | 'disabled';
  roles: RoleRef[];
  mustChangePassword: boolean;
  avatarUrl: string | null;
  version: number;
  createdAt: string;
  updatedAt: string;
}

export interface Role extends RoleRef {
  permissions: string[];
  memberCount: number;
  builtIn: boolean;
}
export interface PermissionInfo { key: string; zh: string; en: string }

export interface PickedUser { id: string; name: string; departmentId: string; departmentName: string; avatarUrl: string | null }

export interface UserFilter {
  departmentId?: string;
  includeSubDepartments?: boolean;
  status?: 'active' | 'disabled';
  keyword?: string;
  page: number;
  pageSize: number;
}

const query = (params: Record<string, string | number | boolean | undefined>) => {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) if (value !== undefined && value !== '') search.set(key, String(value));
  return search.toString();
};

export const orgApi = {
  departments: () => get<{ items: Department[] }>('/api/v1/org/departments').then((r) => r.items),
  createDepartment: (body: { name: string; code?: string | null; parentId: string; headUserId?: string | null }) =>
    post<Department>('/api/v1/org/departments', body),
  updateDepartment: (id: string, body: { name?: string; code?: string | null }) => patch<Department>(`/api/v1/org/departments/${id}`, body),
  setDepartmentHead: (id: string, userId: string | null) => put<Department>(`/api/v1/org/departments/${id}/head`, { userId }),
  moveDepartment: (id: string, parentId: string) => post<Department>(`/api/v1/org/departments/${id}/move`, { parentId }),
  deleteDepartment: (id: string) => del<void>(`/api/v1/org/departments/${id}`),

  users: (filter: UserFilter) => get<{ items: OrgUser[]; total: number }>(`/api/v1/org/users?${query({ ...filter })}`),
  createUser: (body: Record<string, unknown>) => post<{ user: OrgUser; temporaryPassword: string | null }>('/api/v1/org/users', body),
  updateUser: (id: string, body: Record<string, unknown>) => patch<OrgUser>(`/api/v1/org/users/${id}`, body),
  moveUser: (id: string, departmentId: string) => post<OrgUser>(`/api/v1/org/users/${id}/move`, { departmentId }),
  setSuperior: (id: string, superiorId: string | null) => post<OrgUser>(`/api/v1/org/users/${id}/superior`, { superiorId }),
  setRoles: (id: string, roleIds: string[]) => put<OrgUser>(`/api/v1/org/users/${id}/roles`, { roleIds }),
  disableUser: (id: string) => post<OrgUser>(`/api/v1/org/users/${id}/disable`),
  enableUser: (id: string) => post<OrgUser>(`/api/v1/org/users/${id}/enable`),
  resetPassword: (id: string) => post<{ temporaryPassword: string | null }>(`/api/v1/org/users/${id}/reset-password`),
  pickUsers: (keyword: string) => get<{ items: PickedUser[] }>(`/api/v1/org/picker/users?${query({ keyword, limit: 20 })}`).then((r) => r.items),

  roles: () => get<{ items: Role[]; permissions: PermissionInfo[] }>('/api/v1/org/roles'),
  createRole: (body: { nameZh: string; nameEn: string; permissions: string[] }) => post<Role>('/api/v1/org/roles', body),
  updateRole: (id: string, body: { nameZh?: string; nameEn?: string; permissions?: string[] }) => patch<Role>(`/api/v1/org/roles/${id}`, body),
  deleteRole: (id: string) => del<void>(`/api/v1/org/roles/${id}`),
};

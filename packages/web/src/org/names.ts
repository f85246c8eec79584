import type { PermissionInfo, RoleRef } from './api';

type Locale = 'zh-CN' | 'en-US';

/** Roles and permissions carry both names; show the one of the user's language. */
export const roleName = (role: RoleRef, locale: Locale) => (locale === 'en-US' ? role.nameEn : role.nameZh);
export const permissionName = (permission: PermissionInfo, locale: Locale) => (locale === 'en-US' ? permission.en : permission.zh);

import { PERMISSIONS } from '@yixiao/core';
import { z } from 'zod';

export const permissionSchema = z.enum(PERMISSIONS);

export const roleSchema = z.object({
  id: z.uuid(),
  key: z.string().nullable().describe('Set for built-in roles (admin, pool_admin, manager, rep); null for roles an administrator added'),
  nameZh: z.string(),
  nameEn: z.string(),
  permissions: z.array(permissionSchema),
  memberCount: z.number().int().describe('Users holding the role, active or disabled'),
  builtIn: z.boolean(),
});
export type RoleView = z.infer<typeof roleSchema>;

export const roleListSchema = z.object({
  items: z.array(roleSchema),
  permissions: z.array(z.object({ key: permissionSchema, zh: z.string(), en: z.string() })).describe('Every function permission, in matrix order'),
});

const roleName = z.string().trim().min(1).max(40);
export const createRoleBody = z.object({
  nameZh: roleName,
  nameEn: roleName,
  permissions: z.array(permissionSchema).max(PERMISSIONS.length * 2).default([]),
});
export type CreateRoleInput = z.infer<typeof createRoleBody>;

export const updateRoleBody = z.object({
  nameZh: roleName.optional(),
  nameEn: roleName.optional(),
  permissions: z.array(permissionSchema).max(PERMISSIONS.length * 2).optional(),
});
export type UpdateRoleInput = z.infer<typeof updateRoleBody>;

import { z } from 'zod';
import { clearableText } from '../schemas';

export const roleRefSchema = z.object({ id: z.uuid(), key: z.string().nullable(), nameZh: z.string(), nameEn: z.string() });

export const userSchema = z.object({
  id: z.uuid(),
  login: z.string(),
  name: z.string(),
  title: z.string().nullable(),
  email: z.string().nullable(),
  emailVerified: z.boolean(),
  mobile: z.string().nullable(),
  mobileVerified: z.boolean(),
  departmentId: z.uuid(),
  departmentName: z.string(),
  superiorId: z.uuid().nullable(),
  superiorName: z.string().nullable(),
  status: z.enum(['active', 'disabled']),
  roles: z.array(roleRefSchema),
  mustChangePassword: z.boolean(),
  avatarUrl: z.string().nullable(),
  version: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type UserView = z.infer<typeof userSchema>;

export const userListQuery = z.object({
  departmentId: z.uuid().optional(),
  includeSubDepartments: z.enum(['true', 'false']).default('true').describe('With departmentId: also users of every department below it'),
  status: z.enum(['active', 'disabled']).optional(),
  keyword: z.string().trim().max(100).optional().describe('Matches name, login, mobile or email'),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});
export type UserListQuery = z.infer<typeof userListQuery>;
export const userListSchema = z.object({ items: z.array(userSchema), total: z.number().int(), totalCapped: z.boolean() });

// Login names are global across companies; no "@" so a login never looks like an email.
const login = z.string().trim().regex(/^[A-Za-z0-9][A-Za-z0-9._-]{1,49}$/, '2–50 letters, digits, ".", "_" or "-"');
const name = z.string().trim().min(1).max(50);
const email = z.email().max(200).nullable().optional().or(z.literal(''));
const mobile = z.string().trim().regex(/^\+?\d{5,20}$/, 'digits, optionally with a leading +').nullable().optional().or(z.literal(''));
const password = z.string().max(128).optional().describe('Leave out to have one generated; either way it must be changed at first sign-in');

export const createUserBody = z.object({
  login,
  name,
  title: clearableText(60),
  email,
  mobile,
  departmentId: z.uuid(),
  superiorId: z.uuid().nullable().optional(),
  roleIds: z.array(z.uuid()).min(1).max(20),
  password,
});
export type CreateUserInput = z.infer<typeof createUserBody>;

export const createdUserSchema = z.object({
  user: userSchema,
  temporaryPassword: z.string().nullable().describe('The generated password, shown this once; null when the request gave one'),
});

export const updateUserBody = z.object({
  version: z.number().int().optional().describe('The version read; or send it as If-Match. A stale version answers 409'),
  login: login.optional(),
  name: name.optional(),
  title: clearableText(60),
  email,
  mobile,
});
export type UpdateUserInput = z.infer<typeof updateUserBody>;

export const moveUserBody = z.object({ departmentId: z.uuid() });
export const setSuperiorBody = z.object({ superiorId: z.uuid().nullable() });
export const setRolesBody = z.object({ roleIds: z.array(z.uuid()).min(1).max(20) });
export const resetPasswordBody = z.object({ password }).optional();
export const resetPasswordSchema = z.object({
  temporaryPassword: z.string().nullable().describe('The generated password, shown this once; null when the request gave one'),
});

export const pickerQuery = z.object({
  keyword: z.string().trim().max(100).optional(),
  departmentId: z.uuid().optional(),
  limit: z.coerce.number().int().min(1).max(100).default(20),
});
export const pickerSchema = z.object({
  items: z.array(z.object({
    id: z.uuid(), name: z.string(), departmentId: z.uuid(), departmentName: z.string(), avatarUrl: z.string().nullable(),
  })),
});

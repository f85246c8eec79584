import { z } from 'zod';
import { clearableText } from '../schemas';

export const departmentSchema = z.object({
  id: z.uuid(),
  parentId: z.uuid().nullable().describe('null for the company itself (the top of the tree)'),
  name: z.string(),
  code: z.string().nullable(),
  headUserId: z.uuid().nullable(),
  headName: z.string().nullable(),
  sortOrder: z.number().int(),
  memberCount: z.number().int().describe('Users directly in this department, active or disabled'),
});
export type DepartmentView = z.infer<typeof departmentSchema>;

export const departmentTreeSchema = z.object({
  items: z.array(departmentSchema).describe('Every department, parents before children, siblings in display order'),
});

const name = z.string().trim().min(1).max(60);
const code = z.string().trim().regex(/^[A-Za-z0-9_-]{1,32}$/, 'letters, digits, _ and - (at most 32)');

export const createDepartmentBody = z.object({
  name,
  code: code.nullable().optional(),
  parentId: z.uuid(),
  headUserId: z.uuid().nullable().optional(),
});
export type CreateDepartmentInput = z.infer<typeof createDepartmentBody>;

export const updateDepartmentBody = z.object({
  name: name.optional(),
  code: clearableText(32).refine((v) => !v || /^[A-Za-z0-9_-]+$/.test(v), 'letters, digits, _ and -'),
});
export type UpdateDepartmentInput = z.infer<typeof updateDepartmentBody>;

export const setHeadBody = z.object({ userId: z.uuid().nullable() });
export const moveDepartmentBody = z.object({ parentId: z.uuid() });

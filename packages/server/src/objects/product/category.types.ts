import { z } from 'zod';

const name = z.string().trim().min(1).max(100).describe('目录名称, unique among its siblings');

export const categorySchema = z.object({
  id: z.string(),
  parentId: z.string().nullable(),
  name: z.string(),
  /** "硬件 / 服务器": the names from the top, as the product form's 产品目录 options show them. */
  path: z.string(),
  sortOrder: z.number().int(),
  /** Products filed directly under this category. */
  productCount: z.number().int(),
  version: z.number().int(),
});
export type Category = z.infer<typeof categorySchema>;

export const categoryListSchema = z.object({ items: z.array(categorySchema).describe('Every category, parents before children, siblings in order') });

export const newCategorySchema = z.object({
  name,
  parentId: z.guid().nullable().optional().describe('The parent category; top level when absent'),
  sortOrder: z.number().int().min(0).max(1_000_000).optional(),
});
export type NewCategory = z.infer<typeof newCategorySchema>;

export const categoryChangeSchema = z.object({
  name: name.optional(),
  parentId: z.guid().nullable().optional().describe('Move under another category (never under itself or its subcategories); null: top level'),
  sortOrder: z.number().int().min(0).max(1_000_000).optional(),
  version: z.number().int(),
});
export type CategoryChange = z.infer<typeof categoryChangeSchema>;

export const categoryParams = z.object({ id: z.string() });

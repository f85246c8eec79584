import { z } from 'zod';

export { errorBody } from '../../platform/http/errors';

export const opportunityParams = z.object({ id: z.string() });
export const lineParams = z.object({ id: z.string(), lineId: z.string() });

const price = z.union([z.string(), z.number()]).transform(String).pipe(z.string().regex(/^\d{1,16}(\.\d{1,2})?$/, 'price: up to 16 digits and 2 decimals, not negative'));
const quantity = z.union([z.string(), z.number()]).transform(String)
  .pipe(z.string().regex(/^\d{1,10}(\.\d{1,4})?$/, 'quantity: up to 4 decimals').refine((s) => Number(s) > 0, 'quantity must be above 0'));
const discount = z.union([z.string(), z.number()]).transform(String)
  .pipe(z.string().regex(/^\d{1,3}(\.\d{1,2})?$/, 'discount: a percentage with up to 2 decimals').refine((s) => Number(s) > 0 && Number(s) <= 100, 'discount: above 0, at most 100'));
const remark = z.string().trim().max(500).nullable().optional();

export const newLineSchema = z.object({
  productId: z.guid(),
  price: price.optional().describe('产品价格; the product’s 标准价格 when absent'),
  quantity: quantity.default('1').describe('产品数量 (up to 4 decimals)'),
  discount: discount.default('100').describe('折扣: percent of the price charged, 100 = none, 95 = 九五折'),
  remark,
});
export type NewLine = z.infer<typeof newLineSchema>;
export const addLinesSchema = z.object({ items: z.array(newLineSchema).min(1).max(200) });

export const lineChangeSchema = z.object({ price: price.optional(), quantity: quantity.optional(), discount: discount.optional(), remark });
export type LineChange = z.infer<typeof lineChangeSchema>;

export const lineSchema = z.object({
  id: z.string(),
  productId: z.string(),
  productName: z.string(),
  productCode: z.string().nullable(),
  unit: z.string().nullable().describe('销售单位'),
  standardPrice: z.string().nullable().describe('标准价格 of the product today'),
  price: z.string(),
  quantity: z.string(),
  discount: z.string(),
  total: z.string().describe('总价 = price × quantity × discount%, rounded half-up to the cent'),
  remark: z.string().nullable(),
});
export type Line = z.infer<typeof lineSchema>;

/** What the line routes answer: the lines and the opportunity's amount and version after the change. */
export const linesSchema = z.object({
  items: z.array(lineSchema),
  total: z.string().describe('Sum of the lines’ totals'),
  amount: z.string().nullable().describe('The opportunity’s 金额 (the sum while lines exist)'),
  version: z.number().int().describe('The opportunity’s version (line changes that move the amount bump it)'),
  canWrite: z.boolean(),
});
export type Lines = z.infer<typeof linesSchema>;

/** 决策链: the roles a contact plays in this opportunity, in the order the chain lists them. */
export const CONTACT_ROLES = ['决策者', '技术把关者', '商务把关者', '影响者', '使用者', '其他'] as const;
export type ContactRole = (typeof CONTACT_ROLES)[number];
const role = z.enum(CONTACT_ROLES).describe('决策者 decision maker, 技术把关者 technical evaluator, 商务把关者 commercial evaluator, 影响者 influencer, 使用者 user, 其他 other');

export const contactParams = z.object({ id: z.string(), contactId: z.string() });
export const addContactSchema = z.object({ contactId: z.guid(), role, remark });
export const newContactSchema = z.object({
  contact: z.record(z.string(), z.unknown()).describe('Field values of the new contact (its account is the opportunity’s)'),
  role, remark,
});
export const contactChangeSchema = z.object({ role: role.optional(), remark });

export const opportunityContactSchema = z.object({
  contactId: z.string(),
  name: z.string(),
  title: z.string().nullable(),
  dept: z.string().nullable(),
  mobile: z.string().nullable(),
  phone: z.string().nullable(),
  email: z.string().nullable(),
  role,
  remark: z.string().nullable(),
});
export const opportunityContactsSchema = z.object({
  items: z.array(opportunityContactSchema).describe('By role along the chain (决策者 first), then name'),
  hidden: z.number().int().describe('Linked contacts the caller may not see'),
  roles: z.array(role),
  canWrite: z.boolean(),
});

export const LINK_KINDS = ['partner', 'competitor'] as const;
export type LinkKind = (typeof LINK_KINDS)[number];
export const linkParams = z.object({ id: z.string(), targetId: z.string() });
export const addLinkSchema = z.object({ targetId: z.guid(), note: z.string().trim().max(4000).nullable().optional() });
export const linkChangeSchema = z.object({ note: z.string().trim().max(4000).nullable() });
export const linkSchema = z.object({
  id: z.string().describe('The partner’s or competitor’s id'),
  name: z.string(),
  /** From the library: a partner's 类型 and 电话; a competitor's 优势 and 劣势. */
  details: z.record(z.string(), z.string().nullable()),
  note: z.string().nullable().describe('On this opportunity: the partner’s part; the competitor’s strengths here and our strategy'),
  addedAt: z.string(),
});
export const linksSchema = z.object({ items: z.array(linkSchema), canWrite: z.boolean() });

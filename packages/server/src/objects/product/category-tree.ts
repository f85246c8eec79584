import { sql } from 'kysely';
import type { PicklistOption } from '@yixiao/core';
import type { DbOrTx, Tx } from '../../db/database';
import type { AuthContext } from '../../platform/auth/context';
import { diffFields, writeAudit } from '../../platform/audit/audit';
import { AppError, invalid, notFound, versionConflict } from '../../platform/http/errors';
import { assertUuid } from '../../records/values';
import type { Category, CategoryChange, NewCategory } from './category.types';
import './messages';

// Any constant: with the company's id it names the advisory lock that serialises tree writes, so two
// moves at once can never close a cycle (A under B while B goes under A).
const TREE_LOCK = 7_406_317;
const SEPARATOR = ' / ';

interface CategoryRow {
  id: string;
  parent_id: string | null;
  name: string;
  sort_order: number;
  version: number;
}

/** The whole tree in display order (parents first, siblings by their order then name), each with its path. */
export async function listCategories(db: DbOrTx, tenantId: string): Promise<Category[]> {
  const [rows, counts] = await Promise.all([
    db.selectFrom('product_categories').select(['id', 'parent_id', 'name', 'sort_order', 'version']).where('tenant_id', '=', tenantId).execute(),
    sql<{ category_id: string; n: string }>`SELECT category_id, count(*) AS n FROM products
      WHERE tenant_id = ${tenantId}::uuid AND category_id IS NOT NULL GROUP BY category_id`.execute(db).then((r) => r.rows),
  ]);
  const productCount = new Map(counts.map((c) => [c.category_id, Number(c.n)]));
  const children = new Map<string | null, CategoryRow[]>();
  for (const row of rows) children.set(row.parent_id, [...(children.get(row.parent_id) ?? []), row]);
  const out: Category[] = [];
  const visit = (parentId: string | null, prefix: string) => {
    const level = (children.get(parentId) ?? []).sort((a, b) => a.sort_order - b.sort_order || a.name.localeCompare(b.name, 'zh-CN'));
    for (const row of level) {
      const path = prefix ? `${prefix}${SEPARATOR}${row.name}` : row.name;
      out.push({ id: row.id, parentId: row.parent_id, name: row.name, path, sortOrder: row.sort_order, productCount: productCount.get(row.id) ?? 0, version: row.version });
      visit(row.id, path);
    }
  };
  visit(null, '');
  return out;
}

/** 产品目录's options on the product form, list filters and imports: every category by its path. */
export async function categoryOptions(db: DbOrTx, tenantId: string): Promise<PicklistOption[]> {
  return (await listCategories(db, tenantId)).map((c) => ({ value: c.id, label: { zh: c.path, en: c.path }, enabled: true }));
}

async function lockTree(tx: Tx, tenantId: string) {
  await sql`SELECT pg_advisory_xact_lock(${TREE_LOCK}, hashtext(${tenantId}))`.execute(tx);
}

async function findCategory(tx: Tx, tenantId: string, id: string) {
  assertUuid(id);
  const row = await tx.selectFrom('product_categories').select(['id', 'parent_id', 'name', 'sort_order', 'version'])
    .where('tenant_id', '=', tenantId).where('id', '=', id).executeTakeFirst();
  if (!row) throw notFound();
  return row;
}

async function assertParent(tx: Tx, tenantId: string, parentId: string | null | undefined) {
  if (!parentId) return;
  const parent = await tx.selectFrom('product_categories').select('id').where('tenant_id', '=', tenantId).where('id', '=', parentId).executeTakeFirst();
  if (!parent) throw invalid('product.category.bad_parent', {}, [{ field: 'parentId', reason: 'bad_reference' }]);
}

/** Sibling names are unique; the database's index says so, this says it in words. */
const duplicateName = (name: string) => (e: unknown): never => {
  if ((e as { code?: string }).code === '23505') throw new AppError(409, 'duplicate_value', 'product.category.duplicate', { name }, [{ field: 'name', reason: 'duplicate' }]);
  throw e;
};

const audit = (tx: Tx, auth: AuthContext, id: string, action: string, changes: { field: string; old: unknown; new: unknown }[]) =>
  writeAudit(tx, { tenantId: auth.tenantId, actorId: auth.userId, objectType: 'productCategory', recordId: id, action, changes });

export async function createCategory(tx: Tx, auth: AuthContext, input: NewCategory): Promise<string> {
  await lockTree(tx, auth.tenantId);
  await assertParent(tx, auth.tenantId, input.parentId);
  const sortOrder = input.sortOrder ?? Number((await tx.selectFrom('product_categories')
    .select((eb) => eb.fn.coalesce(eb.fn.max('sort_order'), sql<number>`0`).as('m'))
    .where('tenant_id', '=', auth.tenantId)
    .where((eb) => (input.parentId ? eb('parent_id', '=', input.parentId) : eb('parent_id', 'is', null)))
    .executeTakeFirstOrThrow()).m) + 10;
  const row = await tx.insertInto('product_categories')
    .values({ tenant_id: auth.tenantId, parent_id: input.parentId ?? null, name: input.name, sort_order: sortOrder })
    .returning('id').executeTakeFirstOrThrow().catch(duplicateName(input.name));
  await audit(tx, auth, row.id, 'create', [{ field: 'name', old: null, new: input.name }, { field: 'parentId', old: null, new: input.parentId ?? null }]);
  return row.id;
}

/** Renames, reorders or moves a category; a move under itself or one of its subcategories is refused. */
export async function updateCategory(tx: Tx, auth: AuthContext, id: string, change: CategoryChange): Promise<void> {
  await lockTree(tx, auth.tenantId);
  const row = await findCategory(tx, auth.tenantId, id);
  if (row.version !== change.version) throw versionConflict();
  if (change.parentId !== undefined && change.parentId !== row.parent_id) {
    await assertParent(tx, auth.tenantId, change.parentId);
    if (change.parentId && (await isInSubtree(tx, auth.tenantId, id, change.parentId))) {
      throw invalid('product.category.cycle', {}, [{ field: 'parentId', reason: 'cycle' }]);
    }
  }
  const next = { name: change.name ?? row.name, parentId: change.parentId === undefined ? row.parent_id : change.parentId, sortOrder: change.sortOrder ?? row.sort_order };
  const changes = diffFields({ name: row.name, parentId: row.parent_id, sortOrder: row.sort_order }, next, ['name', 'parentId', 'sortOrder']);
  if (changes.length === 0) return;
  await tx.updateTable('product_categories')
    .set({ name: next.name, parent_id: next.parentId, sort_order: next.sortOrder, version: sql`version + 1`, updated_at: sql`now()` })
    .where('tenant_id', '=', auth.tenantId).where('id', '=', id).execute().catch(duplicateName(next.name));
  await audit(tx, auth, id, 'update', changes);
}

/** Whether `candidate` is `rootId` or lies below it. */
async function isInSubtree(tx: Tx, tenantId: string, rootId: string, candidate: string): Promise<boolean> {
  const { rows } = await sql<{ found: boolean }>`
    WITH RECURSIVE below AS (
      SELECT id FROM product_categories WHERE tenant_id = ${tenantId}::uuid AND id = ${rootId}::uuid
      UNION
      SELECT c.id FROM product_categories c JOIN below b ON c.parent_id = b.id WHERE c.tenant_id = ${tenantId}::uuid
    )
    SELECT EXISTS (SELECT 1 FROM below WHERE id = ${candidate}::uuid) AS found`.execute(tx);
  return rows[0]!.found;
}

/** Deletes an empty category: one with subcategories or products is refused, saying which. */
export async function deleteCategory(tx: Tx, auth: AuthContext, id: string): Promise<void> {
  await lockTree(tx, auth.tenantId);
  const row = await findCategory(tx, auth.tenantId, id);
  // Held against product writes filing into it right now (they hold it FOR SHARE, objects/product/hooks.ts).
  await tx.selectFrom('product_categories').select('id').where('tenant_id', '=', auth.tenantId).where('id', '=', id).forUpdate().execute();
  const child = await tx.selectFrom('product_categories').select('id').where('tenant_id', '=', auth.tenantId).where('parent_id', '=', id).executeTakeFirst();
  if (child) throw new AppError(409, 'category_in_use', 'product.category.has_children', { name: row.name });
  const used = (await sql<{ n: string }>`SELECT count(*) AS n FROM products WHERE tenant_id = ${auth.tenantId}::uuid AND category_id = ${id}`.execute(tx)).rows[0]!;
  if (Number(used.n) > 0) throw new AppError(409, 'category_in_use', 'product.category.has_products', { name: row.name, count: Number(used.n) });
  await tx.deleteFrom('product_categories').where('tenant_id', '=', auth.tenantId).where('id', '=', id).execute();
  await audit(tx, auth, id, 'delete', [{ field: 'name', old: row.name, new: null }]);
}

/** 上移 / 下移: swaps a category with its neighbour among its siblings (the siblings are renumbered 10, 20, … first). */
export async function shiftCategory(tx: Tx, auth: AuthContext, id: string, direction: 'up' | 'down'): Promise<void> {
  await lockTree(tx, auth.tenantId);
  const row = await findCategory(tx, auth.tenantId, id);
  const siblings = (await tx.selectFrom('product_categories').select(['id', 'name', 'sort_order'])
    .where('tenant_id', '=', auth.tenantId)
    .where((eb) => (row.parent_id ? eb('parent_id', '=', row.parent_id) : eb('parent_id', 'is', null)))
    .execute()).sort((a, b) => a.sort_order - b.sort_order || a.name.localeCompare(b.name, 'zh-CN'));
  const at = siblings.findIndex((s) => s.id === id);
  const other = direction === 'up' ? at - 1 : at + 1;
  if (other < 0 || other >= siblings.length) return;
  [siblings[at], siblings[other]] = [siblings[other]!, siblings[at]!];
  for (const [index, sibling] of siblings.entries()) {
    const sortOrder = (index + 1) * 10;
    if (sibling.sort_order === sortOrder) continue;
    await tx.updateTable('product_categories').set({ sort_order: sortOrder, version: sql`version + 1`, updated_at: sql`now()` })
      .where('tenant_id', '=', auth.tenantId).where('id', '=', sibling.id).execute();
  }
  await audit(tx, auth, id, 'update', [{ field: 'sortOrder', old: row.sort_order, new: (siblings.findIndex((s) => s.id === id) + 1) * 10 }]);
}

import { sql } from 'kysely';
import type { DbOrTx, Tx } from '../../db/database';
import { AppError, invalid } from '../../platform/http/errors';
import { updateRecord } from '../../records/update-record';
import { assertUuid } from '../../records/values';
import { canonical, lineTotal, sameAmount, sumOfTotals } from './line-total';
import type { Line, LineChange, Lines, NewLine } from './lines.types';
import { logChanges, mayWrite, type OpportunityAccess } from './opportunity-access';
import './messages';

// numeric(18,2): a line's total and the amount keep at most 16 digits before the point.
const MAX_MONEY_DIGITS = 16;

interface LineRow {
  id: string;
  product_id: string;
  product_name: string;
  product_code: string | null;
  unit: string | null;
  standard_price: string | null;
  price: string;
  quantity: string;
  discount: string;
  total: string;
  remark: string | null;
}

const toLine = (r: LineRow): Line => ({
  id: r.id, productId: r.product_id, productName: r.product_name, productCode: r.product_code, unit: r.unit,
  standardPrice: r.standard_price, price: r.price, quantity: canonical(r.quantity), discount: canonical(r.discount), total: r.total, remark: r.remark,
});

async function lineRows(db: DbOrTx, tenantId: string, opportunityId: string, lineId?: string, lock = false): Promise<LineRow[]> {
  const { rows } = await sql<LineRow>`
    SELECT l.id, l.product_id, p.name AS product_name, p.code AS product_code, p.unit, p.price AS standard_price,
      l.price, l.quantity, l.discount, l.total, l.remark
    FROM opportunity_products l JOIN products p ON p.tenant_id = l.tenant_id AND p.id = l.product_id
    WHERE l.tenant_id = ${tenantId}::uuid AND l.opportunity_id = ${opportunityId}::uuid ${lineId ? sql`AND l.id = ${lineId}::uuid` : sql``}
    ORDER BY l.position, l.created_at ${lock ? sql`FOR UPDATE OF l` : sql``}`.execute(db);
  return rows;
}

/** 产品明细 of an opportunity (the caller has read access), with its amount and whether the caller may change them. */
export async function listLines(db: DbOrTx, access: OpportunityAccess): Promise<Lines> {
  const { scope, row } = access;
  const rows = await lineRows(db, scope.auth.tenantId, row.id as string);
  return {
    items: rows.map(toLine),
    total: sumOfTotals(rows.map((r) => r.total)),
    amount: (row.amount as string | null) ?? null,
    version: row.version as number,
    canWrite: await mayWrite(db, access),
  };
}

/** The words the operation log shows for a line: "服务器 · 33.33 × 3 × 95% = 94.99". */
const logged = (productName: string, l: { product_id: string; price: string; quantity: string; discount: string; total: string }) => ({
  productId: l.product_id, price: l.price, quantity: canonical(l.quantity), discount: canonical(l.discount), total: l.total,
  subject: productName, excerpt: `${l.price} × ${canonical(l.quantity)} × ${canonical(l.discount)}% = ${l.total}`,
});

function totalOf(price: string, quantity: string, discount: string, field: string): string {
  const total = lineTotal(price, quantity, discount);
  if (total.split('.')[0]!.length > MAX_MONEY_DIGITS) throw invalid('opportunityLines.amount_too_large', {}, [{ field, reason: 'too_large' }]);
  return total;
}

/** 添加产品: one or more lines at the price given or the product's 标准价格; enabled products only. */
export async function addLines(tx: Tx, access: OpportunityAccess, items: NewLine[]): Promise<void> {
  const { scope, row } = access;
  const tenantId = scope.auth.tenantId;
  const { rows: products } = await sql<{ id: string; name: string; price: string | null }>`
    SELECT id, name, price FROM products
    WHERE tenant_id = ${tenantId}::uuid AND id = ANY(${items.map((i) => i.productId)}::uuid[]) AND coalesce(enabled, true)`.execute(tx);
  const position = Number((await sql<{ p: number }>`SELECT coalesce(max(position), 0) AS p FROM opportunity_products
    WHERE tenant_id = ${tenantId}::uuid AND opportunity_id = ${row.id as string}::uuid`.execute(tx)).rows[0]!.p);
  const changes = [];
  for (const [index, item] of items.entries()) {
    const product = products.find((p) => p.id === item.productId.toLowerCase());
    if (!product) throw invalid('opportunityLines.product_unavailable', {}, [{ field: `items.${index}.productId`, reason: 'bad_reference' }]);
    const price = item.price ?? product.price;
    if (price === null) throw invalid('opportunityLines.no_price', { name: product.name }, [{ field: `items.${index}.price`, reason: 'required' }]);
    const total = totalOf(price, item.quantity, item.discount, `items.${index}.quantity`);
    const line = await tx.insertInto('opportunity_products').values({
      tenant_id: tenantId, opportunity_id: row.id as string, product_id: product.id, price, quantity: item.quantity, discount: item.discount, total,
      remark: item.remark || null, position: position + index + 1, created_by: scope.auth.userId, updated_by: scope.auth.userId,
    }).returning(['product_id', 'price', 'quantity', 'discount', 'total']).executeTakeFirstOrThrow();
    changes.push({ field: 'products' as const, old: null, new: logged(product.name, line) });
  }
  await logChanges(tx, access, 'product_add', changes);
  await followLines(tx, access);
}

/** 编辑产品: price, quantity, discount or remark of one line; its total is worked out again. */
export async function changeLine(tx: Tx, access: OpportunityAccess, lineId: string, change: LineChange): Promise<void> {
  const { scope, row } = access;
  assertUuid(lineId);
  const [before] = await lineRows(tx, scope.auth.tenantId, row.id as string, lineId, true);
  if (!before) throw new AppError(404, 'not_found', 'opportunityLines.line_not_found');
  const price = change.price ?? before.price;
  const quantity = change.quantity ?? before.quantity;
  const discount = change.discount ?? before.discount;
  const remark = change.remark === undefined ? before.remark : change.remark || null;
  const total = totalOf(price, quantity, discount, 'quantity');
  const after = await tx.updateTable('opportunity_products')
    .set({ price, quantity, discount, total, remark, updated_by: scope.auth.userId, updated_at: sql`now()` })
    .where('tenant_id', '=', scope.auth.tenantId).where('id', '=', lineId)
    .returning(['product_id', 'price', 'quantity', 'discount', 'total']).executeTakeFirstOrThrow();
  const old = logged(before.product_name, before);
  const next = logged(before.product_name, after);
  if (old.excerpt !== next.excerpt) await logChanges(tx, access, 'product_update', [{ field: 'products', old, new: next }]);
  await followLines(tx, access);
}

/** Removes one line; with the last one gone the amount is the user's to edit again (it keeps its value). */
export async function removeLine(tx: Tx, access: OpportunityAccess, lineId: string): Promise<void> {
  const { scope, row } = access;
  assertUuid(lineId);
  const [before] = await lineRows(tx, scope.auth.tenantId, row.id as string, lineId, true);
  if (!before) throw new AppError(404, 'not_found', 'opportunityLines.line_not_found');
  await tx.deleteFrom('opportunity_products').where('tenant_id', '=', scope.auth.tenantId).where('id', '=', lineId).execute();
  await logChanges(tx, access, 'product_remove', [{ field: 'products', old: logged(before.product_name, before), new: null }]);
  await followLines(tx, access);
}

/** The sum of an opportunity's lines, or null when it has none (its amount is then entered by hand). */
export async function linesSum(db: DbOrTx, tenantId: string, opportunityId: string): Promise<string | null> {
  const rows = await db.selectFrom('opportunity_products').select('total')
    .where('tenant_id', '=', tenantId).where('opportunity_id', '=', opportunityId).execute();
  return rows.length ? sumOfTotals(rows.map((r) => r.total)) : null;
}

/**
 * The amount follows the lines, in the line change's transaction and through the record engine:
 * the engine's validation, its operation-log entry ("金额 从 99.99 改为 194.99"), its version bump
 * and every hook on opportunity updates (amount history for forecasts) see it like any edit.
 */
async function followLines(tx: Tx, access: OpportunityAccess): Promise<void> {
  const { scope, row } = access;
  const sum = await linesSum(tx, scope.auth.tenantId, row.id as string);
  const amount = row.amount as string | null;
  if (sum === null || (amount !== null && sameAmount(amount, sum))) return;
  await updateRecord(tx, scope, row.id as string, { amount: sum }, row.version as number);
}

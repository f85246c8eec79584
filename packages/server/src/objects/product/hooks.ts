import type { Tx } from '../../db/database';
import type { AuthContext } from '../../platform/auth/context';
import { AppError, invalid } from '../../platform/http/errors';
import { registerOptionSource } from '../../metadata/option-sources';
import { registerHooks } from '../../records/hooks';
import { categoryOptions } from './category-tree';
import './messages';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The product catalogue is company set-up: those who manage objects and fields keep it (administrators by default). */
export function assertCatalogueAdmin(auth: AuthContext): void {
  if (!auth.permissions.has('metadata.manage')) throw new AppError(403, 'forbidden', 'product.catalogue_admins');
}

/**
 * A product filed under a category holds that category's row until it commits, so a concurrent
 * delete of the category waits and then sees the product (and refuses), or wins and this write
 * is refused: a product never points to a deleted category.
 */
async function holdCategory(tx: Tx, tenantId: string, value: unknown) {
  if (typeof value !== 'string' || !UUID.test(value)) return; // empty or malformed: the field's validation answers
  const row = await tx.selectFrom('product_categories').select('id')
    .where('tenant_id', '=', tenantId).where('id', '=', value).forShare().executeTakeFirst();
  if (!row) throw invalid('product.category.gone', {}, [{ field: 'categoryId', reason: 'bad_option' }]);
}

registerOptionSource('product', 'categoryId', categoryOptions);

registerHooks('product', {
  async prepareCreate(tx, scope, input) {
    assertCatalogueAdmin(scope.auth);
    await holdCategory(tx, scope.auth.tenantId, input.categoryId);
  },
  async prepareUpdate(tx, scope, _row, input) {
    assertCatalogueAdmin(scope.auth);
    if ('categoryId' in input) await holdCategory(tx, scope.auth.tenantId, input.categoryId);
  },
  // Deleting runs no hook before the row goes; throwing here undoes the delete in its transaction.
  async afterDelete(_tx, scope) {
    assertCatalogueAdmin(scope.auth);
  },
});

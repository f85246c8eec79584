import { DEFAULT_MENU, MENU_ITEMS, type MenuItem } from '@yixiao/core';
import type { DbOrTx, Tx } from '../../db/database';
import { invalid } from '../http/errors';
import { updateMyUser, type Actor } from './my-user';

/** The user's navigation (§2.1 菜单管理): their own order, or the default when they never changed it. */
export async function getMenu(db: DbOrTx, tenantId: string, userId: string) {
  const row = await db.selectFrom('users').select('menu').where('tenant_id', '=', tenantId).where('id', '=', userId).executeTakeFirstOrThrow();
  return menuView(row.menu);
}

function menuView(menu: string[] | null) {
  // Keys a later release drops are left out rather than shown as broken links.
  const items = (menu ?? DEFAULT_MENU).filter((key): key is MenuItem => (MENU_ITEMS as readonly string[]).includes(key));
  return { items, isDefault: menu === null, available: [...MENU_ITEMS] };
}

/** Saves the ordered menu; each item at most once (the schema already admits known keys only). */
export async function saveMenu(tx: Tx, actor: Actor, items: MenuItem[]) {
  const seen = new Set<string>();
  for (const item of items) {
    if (seen.has(item)) throw invalid('personal.menu_duplicate', { item });
    seen.add(item);
  }
  await updateMyUser(tx, actor, { menu: items }, 'update_menu');
  return menuView(items);
}

export async function resetMenu(tx: Tx, actor: Actor) {
  await updateMyUser(tx, actor, { menu: null }, 'reset_menu');
  return menuView(null);
}

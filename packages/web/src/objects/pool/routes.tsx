import type { ReactNode } from 'react';
import { PoolPage } from './PoolPage';
import { POOL_PAGES } from './pools';

/** /lead-pool and /account-pool. */
export const poolRoutes: { path: string; element: ReactNode }[] = [
  { path: POOL_PAGES.lead.path, element: <PoolPage object="lead" /> },
  { path: POOL_PAGES.account.path, element: <PoolPage object="account" /> },
];

/** Menu keys whose placeholder page these routes replace. */
export const POOL_MENU_KEYS: ReadonlySet<string> = new Set(Object.values(POOL_PAGES).map((p) => p.menuKey));

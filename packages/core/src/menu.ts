/** Navigation items a user can add, remove and reorder (菜单管理, §2.1). */
export const MENU_ITEMS = [
  'home', 'campaign', 'lead_pool', 'lead', 'account_pool', 'account', 'contact', 'opportunity',
  'contract', 'order', 'goal', 'expense', 'activity', 'task', 'analytics', 'dashboard', 'report',
  'product', 'partner', 'competitor',
] as const;
export type MenuItem = (typeof MENU_ITEMS)[number];
export const DEFAULT_MENU: MenuItem[] = [
  'home', 'campaign', 'lead_pool', 'lead', 'account_pool', 'account', 'contact', 'opportunity',
  'contract', 'order', 'activity', 'task', 'analytics',
];

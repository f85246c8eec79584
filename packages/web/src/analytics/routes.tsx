import type { ReactNode } from 'react';
import { AnalyticsPage } from './AnalyticsPage';

/** The 销售绩效分析 menu item's page. */
export const analyticsRoutes: { path: string; element: ReactNode }[] = [{ path: '/analytics/*', element: <AnalyticsPage /> }];
export const ANALYTICS_MENU_KEYS: ReadonlySet<string> = new Set(['analytics']);

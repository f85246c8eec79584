import type { ReactNode } from 'react';
import { ANALYTICS_MENU_KEYS, analyticsRoutes } from '../analytics/routes';
import { SearchResultsPage } from '../search/SearchResultsPage';
import { MyTasksPage } from '../objects/task/MyTasksPage';
import { ActivityRecordsPage } from '../objects/activity/ActivityRecordsPage';
import { POOL_MENU_KEYS, poolRoutes } from '../objects/pool/routes';
import { RECORD_MENU_KEYS, recordRoutes } from '../records/routes';
import { helpRoutes } from '../help/sections';
import { notificationRoutes } from '../notifications/sections';
import { personalRoutes } from '../personal/sections';
import { SystemSettingsPage } from '../settings/SystemSettingsPage';
import { HomePage } from './HomePage';
import { ModulePlaceholder } from './ModulePlaceholder';
import { MENU_META } from './menu';

/** Every page behind sign-in. Each area adds its pages here. */
export const routes: { path: string; element: ReactNode }[] = [
  { path: '/', element: <HomePage /> },
  { path: '/settings/system/*', element: <SystemSettingsPage /> },
  { path: '/search', element: <SearchResultsPage /> },
  { path: '/task', element: <MyTasksPage /> }, // 我的任务, before the generic task list
  { path: '/activity', element: <ActivityRecordsPage /> }, // 活动记录; the generic activity list stays at /o/activity
  ...personalRoutes,
  ...notificationRoutes,
  ...helpRoutes,
  ...recordRoutes,
  ...poolRoutes,
  ...analyticsRoutes,
];

/** Business modules still to be built answer with a placeholder page (listed after real routes win). */
export const placeholderRoutes = Object.entries(MENU_META)
  .filter(([key]) => key !== 'home' && !RECORD_MENU_KEYS.has(key) && !POOL_MENU_KEYS.has(key) && !ANALYTICS_MENU_KEYS.has(key))
  .map(([key, meta]) => ({ path: `${meta.path}/*`, element: <ModulePlaceholder menuKey={key} /> }));

import type { ReactNode } from 'react';
import type { SystemSection } from '../settings/systemSections';
import { AnnouncementsPage } from './AnnouncementsPage';
import { AnnouncementsSection } from './AnnouncementsSection';
import { NotificationsPage } from './NotificationsPage';

/** The notification area's pages behind sign-in (the bell and the "⋯" menu lead here). */
export const notificationRoutes: { path: string; element: ReactNode }[] = [
  { path: '/notifications', element: <NotificationsPage /> },
  { path: '/announcements/:id?', element: <AnnouncementsPage /> },
];

/** 系统设置 → 部门公告, for holders of announcement.post. */
export const announcementSection: SystemSection = {
  key: 'announcements', labelKey: 'notifications.announcements.section', permission: 'announcement.post', element: <AnnouncementsSection />,
};

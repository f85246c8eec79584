import type { ReactNode } from 'react';
import type { SystemSection } from '../settings/systemSections';
import { MailOutboxPage } from './mail/MailOutboxPage';
import { MenuSettingsPage } from './MenuSettingsPage';
import { PersonalSettingsPage } from './PersonalSettingsPage';

/** The personal area's pages behind sign-in (the shell's gear and 菜单管理 link lead here). */
export const personalRoutes: { path: string; element: ReactNode }[] = [
  { path: '/settings/personal/:tab?', element: <PersonalSettingsPage /> },
  { path: '/settings/menu', element: <MenuSettingsPage /> },
];

/** 系统设置 → 邮件队列, for holders of mail.admin. */
export const mailSection: SystemSection = { key: 'mail', labelKey: 'personal.mail.title', permission: 'mail.admin', element: <MailOutboxPage /> };

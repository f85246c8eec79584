/** The help centre's guides (新版指南) and questions (常见问题); their text lives in i18n/help.ts. */
export const GUIDES: { id: string; link: string }[] = [
  { id: 'signIn', link: '/settings/personal/security' },
  { id: 'personal', link: '/settings/personal' },
  { id: 'menu', link: '/settings/menu' },
  { id: 'notifications', link: '/notifications' },
];

export const FAQ_IDS = ['forgot', 'locked', 'loginEmail', 'menu', 'email', 'bell', 'reminder', 'language', 'announcement', 'feedback'] as const;

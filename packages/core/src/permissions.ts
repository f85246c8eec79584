/** Function permissions a role can grant (the matrix under 系统设置 → 角色权限). */
export const PERMISSIONS = [
  'org.manage', // departments and users
  'role.manage', // roles and their permissions
  'metadata.manage', // objects and fields: custom fields, required, picklist options (对象与字段)
  'announcement.post', // department announcements
  'feedback.read', // read and answer feedback from 帮助 → 意见反馈
  'mail.admin', // see and retry the mail outbox
  'audit.read', // read the operation log of the whole company
  'pool.admin', // administer lead and account pools
  'data.import',
  'data.export',
  'team.view', // managers: read subordinates' work reports and analytics
] as const;
export type Permission = (typeof PERMISSIONS)[number];

/** The built-in roles every company starts with; administrators may add their own. */
export const BUILT_IN_ROLES = {
  admin: { zh: '系统管理员', en: 'System administrator', permissions: [...PERMISSIONS] },
  pool_admin: { zh: '公海池管理员', en: 'Pool administrator', permissions: ['pool.admin', 'data.import', 'data.export'] },
  manager: { zh: '销售经理', en: 'Sales manager', permissions: ['team.view', 'data.export', 'data.import'] },
  rep: { zh: '销售代表', en: 'Sales rep', permissions: [] },
} as const satisfies Record<string, { zh: string; en: string; permissions: readonly Permission[] }>;
export type BuiltInRoleKey = keyof typeof BUILT_IN_ROLES;

export const PERMISSION_LABELS: Record<Permission, { zh: string; en: string }> = {
  'org.manage': { zh: '组织架构与用户管理', en: 'Manage departments and users' },
  'role.manage': { zh: '角色与权限管理', en: 'Manage roles and permissions' },
  'metadata.manage': { zh: '对象与字段管理', en: 'Manage objects and fields' },
  'announcement.post': { zh: '发布部门公告', en: 'Post announcements' },
  'feedback.read': { zh: '查看意见反馈', en: 'Read feedback' },
  'mail.admin': { zh: '邮件发送队列管理', en: 'Manage outgoing mail' },
  'audit.read': { zh: '查看操作日志', en: 'Read the operation log' },
  'pool.admin': { zh: '公海池管理', en: 'Administer pools' },
  'data.import': { zh: '数据导入', en: 'Import data' },
  'data.export': { zh: '数据导出', en: 'Export data' },
  'team.view': { zh: '查看下属数据与报表', en: "View subordinates' reports" },
};

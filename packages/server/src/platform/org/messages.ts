import { defineMessages } from '../i18n/messages';

/** Messages of 系统设置 → 组织架构 / 用户管理 / 角色权限, in both UI languages. */
defineMessages({
  'org.version_required': { zh: '请提供记录版本号（version 或 If-Match）', en: 'Send the record version (version or If-Match)' },
  'org.department_code_taken': { zh: '部门编码已被使用', en: 'This department code is already in use' },
  'org.parent_not_found': { zh: '上级部门不存在', en: 'The parent department does not exist' },
  'org.department_not_found': { zh: '部门不存在', en: 'The department does not exist' },
  'org.department_cycle': { zh: '不能把部门移动到它自己或它的下级部门之下', en: 'A department cannot move under itself or one of its sub-departments' },
  'org.department_root': { zh: '根部门不能移动或删除', en: 'The top department cannot be moved or deleted' },
  'org.department_not_empty': {
    zh: '部门下还有 {users} 名成员、{children} 个子部门，清空后才能删除',
    en: 'The department still has {users} members and {children} sub-departments; empty it first',
  },
  'org.department_in_use': { zh: '部门仍被其他数据引用（如部门公告），不能删除', en: 'Other data (such as announcements) still refers to this department' },
  'org.head_invalid': { zh: '部门负责人不存在或已停用', en: 'The department head does not exist or is disabled' },
  'org.login_taken': { zh: '登录名已被使用', en: 'This login name is already taken' },
  'org.superior_self': { zh: '不能把用户设为自己的上级', en: 'A user cannot be their own superior' },
  'org.superior_cycle': { zh: '上级关系不能形成循环：所选上级是该用户的下属', en: 'Superiors cannot form a loop: the chosen superior reports to this user' },
  'org.superior_invalid': { zh: '上级不存在或已停用', en: 'The superior does not exist or is disabled' },
  'org.cannot_disable_self': { zh: '不能停用自己的账号', en: 'You cannot disable your own account' },
  'org.last_admin': { zh: '至少需要保留一名启用状态的系统管理员', en: 'At least one active system administrator must remain' },
  'org.admin_target': { zh: '只有系统管理员可以修改系统管理员的账号', en: 'Only system administrators may change an administrator account' },
  'org.beyond_own_permissions': { zh: '不能授予超出您自身权限的权限或角色', en: 'You cannot grant permissions or roles beyond your own' },
  'org.role_not_found': { zh: '角色不存在', en: 'The role does not exist' },
  'org.role_name_taken': { zh: '角色名称已被使用', en: 'This role name is already in use' },
  'org.role_in_use': { zh: '仍有 {count} 名用户拥有该角色，不能删除', en: '{count} users still hold this role; it cannot be deleted' },
  'org.role_built_in': { zh: '系统内置角色不能删除', en: 'Built-in roles cannot be deleted' },
  'org.admin_role_fixed': { zh: '系统管理员角色始终拥有全部权限', en: 'The system administrator role always keeps every permission' },
});

import type { DetailTab, FieldAddon } from '../records/extensions';
import type { SystemSection } from '../settings/systemSections';
import { CompanyNameAddon } from './CompanyNameAddon';
import { RegistrySettingsPage } from './RegistrySettingsPage';
import { RegistryTab } from './RegistryTab';

/** 工商信息 suggestions and 回填 under 客户名称 (§3.5.2). */
export const registryFieldAddons: FieldAddon[] = [
  { objects: ['account'], field: 'name', render: ({ value, setValues }) => <CompanyNameAddon value={value} setValues={setValues} /> },
];

/** 工商信息 on the account page, after 资料. */
export const registryDetailTabs: DetailTab[] = [
  { key: 'business-registry', labelKey: 'registry.title', order: 22, objects: ['account'], render: (p) => <RegistryTab {...p} /> },
];

/** 系统设置 → 工商信息设置: it shapes the account form, like 对象与字段. */
export const registrySection: SystemSection = { key: 'business-registry', labelKey: 'registry.settings.title', permission: 'metadata.manage', element: <RegistrySettingsPage /> };

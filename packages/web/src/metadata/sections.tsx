import type { SystemSection } from '../settings/systemSections';
import { ObjectsFieldsPage } from './ObjectsFieldsPage';

/** 系统设置 → 对象与字段. */
export const metadataSections: SystemSection[] = [
  { key: 'objects', labelKey: 'metadata.objects.title', permission: 'metadata.manage', element: <ObjectsFieldsPage /> },
];

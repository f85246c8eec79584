import type { FieldType, Label } from '@yixiao/core';
import type { TFunction } from 'i18next';

type Locale = 'zh-CN' | 'en-US';

export const labelIn = (label: Label, locale: Locale) => (locale === 'en-US' ? label.en : label.zh);
export const typeName = (t: TFunction, type: FieldType) => t(`metadata.type.${type}`);

export const isPicklist = (type: FieldType | undefined) => type === 'picklist' || type === 'multipicklist';
/** Types with a maximum length (the server's metadata/admin/field-rules.ts MAX_LENGTH). */
export const MAX_LENGTH: Partial<Record<FieldType, number>> = { text: 500, textarea: 20_000, phone: 40, email: 200, url: 500 };
/** Types a custom field may be indexed for (the server checks; this only hides the box). */
export const INDEXABLE = new Set<FieldType>(['text', 'textarea', 'phone', 'email', 'url', 'picklist', 'autonumber', 'number', 'currency', 'percent', 'boolean', 'lookup', 'user', 'department']);

/** The number an auto-number field would give its first record, e.g. KH-000001. */
export const autonumberExample = (prefix: string | undefined, digits: number | undefined) => `${prefix ?? ''}${'1'.padStart(digits ?? 6, '0')}`;

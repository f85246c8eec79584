import type { CellMarker, FieldAddon } from '../records/extensions';
import type { SystemSection } from '../settings/systemSections';
import { DedupeCheck } from './DedupeCheck';
import { DedupeRulesPage } from './DedupeRulesPage';
import { DuplicateMarker } from './DuplicateMarker';

/**
 * Fields that may carry a 查重 button: the names, companies, phones and e-mails of objects with
 * rules. Each button shows only while the company's rules compare its field.
 */
const CHECKED_FIELDS: Record<string, string[]> = {
  lead: ['name', 'companyName', 'mobile', 'phone', 'email'],
  account: ['name', 'phone'],
  contact: ['name', 'mobile', 'phone', 'email'],
  opportunity: ['name'],
  partner: ['name', 'phone'],
  competitor: ['name'],
  product: ['name', 'code'],
  campaign: ['name'],
};

export const dedupeFieldAddons: FieldAddon[] = Object.entries(CHECKED_FIELDS).flatMap(([object, fields]) =>
  fields.map((field) => ({
    objects: [object],
    field,
    render: ({ object: meta, value, recordId }) => <DedupeCheck object={meta} field={field} value={value} recordId={recordId} />,
  })));

export const duplicateMarkers: CellMarker[] = [{
  objects: Object.keys(CHECKED_FIELDS),
  render: ({ object, record, pageIds }) => <DuplicateMarker object={object} record={record} pageIds={pageIds} />,
}];

/**
 * 系统设置 → 查重规则. The server lets administrators only (isAdmin) change the rules; no role
 * permission is named 'admin', so can('admin') holds for administrators alone.
 */
export const dedupeSection: SystemSection = { key: 'dedupe', labelKey: 'dedupe.rules.title', permission: 'admin', element: <DedupeRulesPage /> };

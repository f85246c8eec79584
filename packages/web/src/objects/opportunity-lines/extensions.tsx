import type { DetailTab, FieldLock } from '../../records/extensions';
import { linesApi } from './api';
import { ContactRolesTab } from './ContactRolesTab';
import { LinksTab } from './LinksTab';
import { ProductLinesTab } from './ProductLinesTab';

/**
 * §3.7.5 on the opportunity page, in the manual's order: 联系人 and 任务 (42) after the related lists,
 * then 产品, 合作伙伴, 竞争对手, before 团队成员 (45) and 文档.
 */
export const opportunityLineTabs: DetailTab[] = [
  { key: 'opportunity-contacts', labelKey: 'opportunityLines.contacts.tab', order: 41, objects: ['opportunity'], render: (p) => <ContactRolesTab {...p} /> },
  { key: 'opportunity-products', labelKey: 'opportunityLines.products.tab', order: 43, objects: ['opportunity'], render: (p) => <ProductLinesTab {...p} /> },
  { key: 'opportunity-partners', labelKey: 'opportunityLines.partner.tab', order: 43.5, objects: ['opportunity'], render: (p) => <LinksTab kind="partner" {...p} /> },
  { key: 'opportunity-competitors', labelKey: 'opportunityLines.competitor.tab', order: 44, objects: ['opportunity'], render: (p) => <LinksTab kind="competitor" {...p} /> },
];

/** While an opportunity has product lines its 金额 is their sum: read-only in the form and in 资料. */
export const opportunityAmountLocks: FieldLock[] = [{
  objects: ['opportunity'],
  field: 'amount',
  check: async ({ record }) => ((await linesApi.list(record.id)).items.length > 0 ? 'opportunityLines.amountLocked' : null),
}];

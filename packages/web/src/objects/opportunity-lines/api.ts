import { del, get, patch, post } from '../../api/client';

/** Shapes of the opportunity's related lists (server objects/opportunity-lines/lines.types.ts). */
export interface Line {
  id: string;
  productId: string;
  productName: string;
  productCode: string | null;
  unit: string | null;
  standardPrice: string | null;
  price: string;
  quantity: string;
  discount: string;
  total: string;
  remark: string | null;
}

export interface Lines {
  items: Line[];
  total: string;
  amount: string | null;
  version: number;
  canWrite: boolean;
}

export interface NewLine {
  productId: string;
  price?: string;
  quantity?: string;
  discount?: string;
  remark?: string | null;
}

export type LineChange = Partial<Pick<Line, 'price' | 'quantity' | 'discount' | 'remark'>>;

export const CONTACT_ROLES = ['决策者', '技术把关者', '商务把关者', '影响者', '使用者', '其他'] as const;
export type ContactRole = (typeof CONTACT_ROLES)[number];

export interface OpportunityContact {
  contactId: string;
  name: string;
  title: string | null;
  dept: string | null;
  mobile: string | null;
  phone: string | null;
  email: string | null;
  role: ContactRole;
  remark: string | null;
}

export interface OpportunityContacts {
  items: OpportunityContact[];
  hidden: number;
  roles: ContactRole[];
  canWrite: boolean;
}

export type LinkKind = 'partner' | 'competitor';

export interface Link {
  id: string;
  name: string;
  details: Record<string, string | null>;
  note: string | null;
  addedAt: string;
}

export interface Links {
  items: Link[];
  canWrite: boolean;
}

const base = (id: string) => `/api/v1/opportunity/${id}`;

export const linesApi = {
  list: (id: string) => get<Lines>(`${base(id)}/products`),
  add: (id: string, items: NewLine[]) => post<Lines>(`${base(id)}/products`, { items }),
  change: (id: string, lineId: string, change: LineChange) => patch<Lines>(`${base(id)}/products/${lineId}`, change),
  remove: (id: string, lineId: string) => del<Lines>(`${base(id)}/products/${lineId}`),

  contacts: (id: string) => get<OpportunityContacts>(`${base(id)}/contacts`),
  addContact: (id: string, contactId: string, role: ContactRole, remark?: string | null) =>
    post<OpportunityContacts>(`${base(id)}/contacts`, { contactId, role, remark }),
  createContact: (id: string, contact: Record<string, unknown>, role: ContactRole) => post<OpportunityContacts>(`${base(id)}/contacts/new`, { contact, role }),
  changeContact: (id: string, contactId: string, change: { role?: ContactRole; remark?: string | null }) =>
    patch<OpportunityContacts>(`${base(id)}/contacts/${contactId}`, change),
  removeContact: (id: string, contactId: string) => del<OpportunityContacts>(`${base(id)}/contacts/${contactId}`),

  links: (id: string, kind: LinkKind) => get<Links>(`${base(id)}/${kind}s`),
  addLink: (id: string, kind: LinkKind, targetId: string, note?: string | null) => post<Links>(`${base(id)}/${kind}s`, { targetId, note }),
  changeLink: (id: string, kind: LinkKind, targetId: string, note: string | null) => patch<Links>(`${base(id)}/${kind}s/${targetId}`, { note }),
  removeLink: (id: string, kind: LinkKind, targetId: string) => del<Links>(`${base(id)}/${kind}s/${targetId}`),
};

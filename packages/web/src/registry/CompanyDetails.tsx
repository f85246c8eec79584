import type { ReactNode } from 'react';
import { Descriptions, Tag } from 'antd';
import { useTranslation } from 'react-i18next';
import type { RegistryCompany } from './api';

/** 经营状态 colours: a company no longer trading stands out before anyone sells to it. */
const STATUS_COLOR: Record<string, string> = { 存续: 'green', 在业: 'green', 注销: 'default', 吊销: 'red', 迁出: 'orange', 停业: 'orange' };

const externalUrl = (site: string) => (/^https?:\/\//i.test(site) ? site : `http://${site}`);

/** The full registration record (§3.5.2 "查看更详细信息"). */
export function CompanyDetails({ company }: { company: RegistryCompany }) {
  const { t } = useTranslation();
  const region = [company.province, company.city !== company.province ? company.city : null, company.district].filter(Boolean).join(' ');
  const items: { key: string; value: ReactNode; span?: number }[] = [
    { key: 'name', value: company.name, span: 2 },
    { key: 'creditCode', value: <span style={{ fontFamily: 'monospace' }}>{company.creditCode}</span> },
    { key: 'status', value: company.status && <Tag color={STATUS_COLOR[company.status] ?? 'default'}>{company.status}</Tag> },
    { key: 'legalRepresentative', value: company.legalRepresentative },
    { key: 'registeredCapital', value: company.registeredCapital },
    { key: 'establishedOn', value: company.establishedOn },
    { key: 'companyType', value: company.companyType },
    { key: 'region', value: region },
    { key: 'industry', value: company.industry },
    { key: 'address', value: company.address, span: 2 },
    { key: 'phone', value: company.phone },
    { key: 'email', value: company.email },
    { key: 'website', value: company.website && <a href={externalUrl(company.website)} target="_blank" rel="noreferrer noopener">{company.website}</a>, span: 2 },
    { key: 'businessScope', value: company.businessScope, span: 2 },
  ];
  return (
    <Descriptions
      size="small" bordered column={2} data-testid="registry-company"
      items={items.map((i) => ({ key: i.key, label: t(`registry.attr.${i.key}`), span: i.span, children: <span data-testid={`registry-${i.key}`}>{i.value || '—'}</span> }))}
    />
  );
}

import { Input, Space } from 'antd';
import { useTranslation } from 'react-i18next';

export interface Region {
  province?: string;
  city?: string;
  district?: string;
}

const PARTS = ['province', 'city', 'district'] as const;

/** 省 / 市 / 区 as three short inputs; an all-empty region is no region. */
export function RegionInput({ value, onChange, testId }: { value: Region | null; onChange: (v: Region | null) => void; testId: string }) {
  const { t } = useTranslation();
  const set = (part: (typeof PARTS)[number], text: string) => {
    const next: Region = { ...value, [part]: text || undefined };
    onChange(PARTS.some((p) => next[p]) ? next : null);
  };
  return (
    <Space.Compact style={{ width: '100%' }} data-testid={testId}>
      {PARTS.map((part) => (
        <Input key={part} data-testid={`${testId}-${part}`} value={value?.[part] ?? ''} placeholder={t(`records.region.${part}`)} onChange={(e) => set(part, e.target.value)} />
      ))}
    </Space.Compact>
  );
}

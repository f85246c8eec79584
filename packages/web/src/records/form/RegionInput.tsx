import { Cascader } from 'antd';
import { useTranslation } from 'react-i18next';
import { useRegionOptions, type RegionOption } from './regionOptions';

export interface Region {
  province?: string;
  city?: string;
  district?: string;
}

const PARTS = ['province', 'city', 'district'] as const;

const toPath = (value: Region | null) => PARTS.map((p) => value?.[p]).filter((v): v is string => !!v);

/**
 * 省 / 市 / 区 from the bundled list of China's divisions, as one cascader: type to search
 * ("朝阳" finds 北京市 / 北京市 / 朝阳区); a province, or a province and city, may be chosen alone.
 * Stores { province, city, district }; nothing chosen is no region.
 */
export function RegionInput({ value, onChange, testId }: { value: Region | null; onChange: (v: Region | null) => void; testId: string }) {
  const { t } = useTranslation();
  const options = useRegionOptions();
  return (
    <Cascader<RegionOption>
      data-testid={testId}
      style={{ width: '100%' }}
      options={options ?? []}
      loading={!options}
      value={toPath(value)}
      changeOnSelect
      allowClear
      showSearch
      placeholder={t('records.region.placeholder')}
      displayRender={(labels) => labels.filter((l, i) => l !== labels[i - 1]).join(' / ')}
      onChange={(path) => {
        const parts = (path ?? []) as string[];
        onChange(parts.length ? Object.fromEntries(parts.map((name, i) => [PARTS[i], name])) as Region : null);
      }}
      classNames={{ popup: { root: `${testId}-popup` } }}
    />
  );
}

import { DatePicker, Radio, Space } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { PeriodKind, PeriodValue } from './api';

const KINDS: PeriodKind[] = ['yesterday', 'thisWeek', 'thisMonth', 'custom'];

/** 昨日 / 本周 / 本月 / 自定义 (§3.2.6); a custom period picks its first and last day. */
export function PeriodPicker({ value, onChange }: { value: PeriodValue; onChange: (value: PeriodValue) => void }) {
  const { t } = useTranslation();
  return (
    <Space wrap>
      <Radio.Group
        optionType="button" buttonStyle="solid" value={value.period} data-testid="period-picker"
        onChange={(e) => {
          const period = e.target.value as PeriodKind;
          if (period !== 'custom') return onChange({ period });
          // A custom period starts as this month so far; the range picker changes it.
          onChange({ period, from: value.from ?? dayjs().startOf('month').format('YYYY-MM-DD'), to: value.to ?? dayjs().format('YYYY-MM-DD') });
        }}
        options={KINDS.map((k) => ({ value: k, label: <span data-testid={`period-${k}`}>{t(`analytics.period.${k}`)}</span> }))}
      />
      {value.period === 'custom' && (
        <DatePicker.RangePicker
          allowClear={false} data-testid="period-range"
          value={[value.from ? dayjs(value.from) : null, value.to ? dayjs(value.to) : null]}
          onChange={(range) => {
            if (range?.[0] && range[1]) onChange({ period: 'custom', from: range[0].format('YYYY-MM-DD'), to: range[1].format('YYYY-MM-DD') });
          }}
        />
      )}
    </Space>
  );
}

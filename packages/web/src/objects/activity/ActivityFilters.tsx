import { DatePicker, Flex, Select, Spin } from 'antd';
import dayjs from 'dayjs';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DepartmentTreeSelect } from '../../org/DepartmentTreeSelect';
import { useDepartments } from '../../org/useDepartments';
import { tabsApi } from '../../records/tabs/api';
import { textOf, useLocale } from '../../records/tabs/locale';
import { useUserSearch } from '../../records/tabs/users';
import { TASK_TYPE, type ActivityRecordsFilter } from './api';

interface Props {
  filter: ActivityRecordsFilter;
  /** The name of the filtered person, when picked from the ranking rather than searched. */
  personName?: string;
  onChange: (next: ActivityRecordsFilter, personName?: string) => void;
}

/** Time range, type, person and department of 活动记录. */
export function ActivityFilters({ filter, personName, onChange }: Props) {
  const { t } = useTranslation();
  const locale = useLocale();
  const { departments } = useDepartments();
  const { users, loading, search } = useUserSearch();
  const [types, setTypes] = useState<{ value: string; label: string }[]>([]);
  useEffect(() => {
    void search('');
  }, [search]);
  useEffect(() => {
    // The 活动类型 options as administrators configure them, plus completed tasks.
    tabsApi.objectMeta('activity').then((meta) => setTypes([
      ...(meta.fields.find((f) => f.key === 'type')?.options ?? []).map((o) => ({ value: o.value, label: textOf(o.label, locale) })),
      { value: TASK_TYPE, label: t('activityRecords.taskType') },
    ]), () => setTypes([{ value: TASK_TYPE, label: t('activityRecords.taskType') }]));
  }, [locale, t]);

  const people = users.map((u) => ({ value: u.id, label: `${u.name}（${u.departmentName}）` }));
  if (filter.personId && !people.some((p) => p.value === filter.personId)) people.unshift({ value: filter.personId, label: personName ?? filter.personId });

  return (
    <Flex wrap gap={8} data-testid="activity-filters">
      <DatePicker.RangePicker
        allowEmpty={[true, true]} value={[filter.from ? dayjs(filter.from) : null, filter.to ? dayjs(filter.to) : null]}
        onChange={(r) => onChange({ ...filter, from: r?.[0]?.format('YYYY-MM-DD'), to: r?.[1]?.format('YYYY-MM-DD') }, personName)}
        data-testid="activity-range"
      />
      <Select
        allowClear placeholder={t('activityRecords.type')} value={filter.type} options={types} style={{ width: 140 }}
        onChange={(type: string | undefined) => onChange({ ...filter, type }, personName)} data-testid="activity-type-filter"
      />
      <Select
        allowClear placeholder={t('activityRecords.person')} value={filter.personId} options={people} style={{ width: 200 }}
        showSearch={{ filterOption: false, onSearch: (keyword) => void search(keyword) }} notFoundContent={loading ? <Spin size="small" /> : null}
        onChange={(personId: string | undefined) => onChange({ ...filter, personId }, people.find((p) => p.value === personId)?.label)}
        data-testid="activity-person-filter"
      />
      <DepartmentTreeSelect
        departments={departments} allowClear value={filter.departmentId} placeholder={t('activityRecords.department')} style={{ width: 200 }}
        onChange={(departmentId) => onChange({ ...filter, departmentId: departmentId || undefined }, personName)} data-testid="activity-department-filter"
      />
    </Flex>
  );
}

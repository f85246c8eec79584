import { get } from '../../api/client';

/** The filters of 活动记录; days are inclusive, in the company's time zone. */
export interface ActivityRecordsFilter {
  from?: string;
  to?: string;
  /** An activity type, or TASK_TYPE for completed tasks. */
  type?: string;
  personId?: string;
  departmentId?: string;
}

export const TASK_TYPE = 'task';

export interface ActivityRecord {
  kind: 'activity' | 'task';
  id: string;
  type: string;
  content: string;
  occurredAt: string;
  person: { id: string; name: string } | null;
  department: { id: string; name: string } | null;
  source: { object: string; id: string; name: string | null } | null;
}

export interface RankingRow {
  person: { id: string; name: string };
  department: { id: string; name: string } | null;
  count: number;
}

const query = (filter: ActivityRecordsFilter, extra: Record<string, string> = {}) => {
  const params = new URLSearchParams(extra);
  for (const [key, value] of Object.entries(filter)) if (value) params.set(key, value);
  return params.toString();
};

export const activityRecordsApi = {
  list: (filter: ActivityRecordsFilter, page: number, pageSize: number) =>
    get<{ items: ActivityRecord[]; total: number }>(`/api/v1/activity-records?${query(filter, { page: String(page), pageSize: String(pageSize) })}`),
  ranking: (filter: ActivityRecordsFilter) => get<{ items: RankingRow[] }>(`/api/v1/activity-records/ranking?${query(filter)}`).then((r) => r.items),
  exportUrl: (filter: ActivityRecordsFilter) => `/api/v1/activity-records/export?${query(filter)}`,
};

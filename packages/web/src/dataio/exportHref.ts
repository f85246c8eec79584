/** The files a list exports to: the format and, for CSV, the text encoding (query values of /export). */
export const EXPORT_CHOICES = [
  { key: 'xlsx', params: { format: 'xlsx' }, labelKey: 'dataioExport.xlsx' },
  { key: 'csv-utf-8', params: { format: 'csv', encoding: 'utf-8' }, labelKey: 'dataioExport.csvUtf8' },
  { key: 'csv-gb18030', params: { format: 'csv', encoding: 'gb18030' }, labelKey: 'dataioExport.csvGb18030' },
] as const;

/** `/api/v1/lead/export?view=mine&page=2` + a choice → the list's query without paging, with format and encoding. */
export function exportHref(url: string, params: Record<string, string>): string {
  const [path, search = ''] = url.split('?');
  const query = new URLSearchParams(search);
  query.delete('page');
  query.delete('pageSize');
  for (const [key, value] of Object.entries(params)) query.set(key, value);
  return `${path}?${query.toString()}`;
}

/** The export of a pool list (销售线索公海池 / 客户公海池) as its page shows it: group, 显示已领取…, filter, sort, columns. */
export function poolExportUrl(object: string, q: { groupId?: string; all?: boolean; filter?: unknown; sort?: string }, columns: string[]): string {
  const params = new URLSearchParams();
  if (q.groupId) params.set('groupId', q.groupId);
  if (q.all) params.set('all', 'true');
  if (q.filter) params.set('filter', JSON.stringify(q.filter));
  if (q.sort) params.set('sort', q.sort);
  params.set('columns', columns.join(','));
  return `/api/v1/pools/${object}/records/export?${params.toString()}`;
}

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

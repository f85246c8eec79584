import { DownloadOutlined, DownOutlined, FileExcelOutlined, FileTextOutlined } from '@ant-design/icons';
import { Button, Dropdown, type MenuProps } from 'antd';
import { useTranslation } from 'react-i18next';
import { EXPORT_CHOICES, exportHref } from './exportHref';

/**
 * 导出: a small menu of Excel (.xlsx), CSV (UTF-8) and CSV (GB18030, what Excel in Simplified Chinese
 * opens without garbling). Each entry is a plain link, so the browser downloads the streamed file
 * itself and no copy of a million rows passes through the page. `url` is the export endpoint with
 * the list's current view, filters, sort and columns.
 */
export function ExportMenu({ url, testId }: { url: string; testId: string }) {
  const { t } = useTranslation();
  const items: MenuProps['items'] = EXPORT_CHOICES.map((choice) => ({
    key: choice.key,
    icon: choice.key === 'xlsx' ? <FileExcelOutlined /> : <FileTextOutlined />,
    label: <a href={exportHref(url, choice.params)} download data-testid={`${testId}-${choice.key}`}>{t(choice.labelKey)}</a>,
  }));
  return (
    <Dropdown menu={{ items }} trigger={['click']}>
      <Button icon={<DownloadOutlined />} title={t('dataioExport.hint')} data-testid={testId}>
        {t('dataioExport.button')} <DownOutlined />
      </Button>
    </Dropdown>
  );
}

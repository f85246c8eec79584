/** UI strings of the 导出 menu on every list and on 活动记录: "dataioExport.". */
export const dataioExport = {
  zh: {
    'dataioExport.button': '导出',
    'dataioExport.xlsx': 'Excel 工作簿（.xlsx）',
    'dataioExport.csvUtf8': 'CSV（UTF-8）',
    'dataioExport.csvGb18030': 'CSV（GB18030，简体中文 Excel）',
    'dataioExport.hint': '导出当前列表的筛选结果和显示列，仅含您有权查看的数据',
  },
  en: {
    'dataioExport.button': 'Export',
    'dataioExport.xlsx': 'Excel workbook (.xlsx)',
    'dataioExport.csvUtf8': 'CSV (UTF-8)',
    'dataioExport.csvGb18030': 'CSV (GB18030, Simplified Chinese Excel)',
    'dataioExport.hint': 'Exports the list as filtered, with its columns, and only records you may see',
  },
} as const;

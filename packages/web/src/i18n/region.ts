/** Strings of the 省/市/区 picker (records/form/RegionInput.tsx) and the server's answer to an unknown place. */
export const region = {
  zh: {
    'records.region.placeholder': '请选择 省 / 市 / 区（可输入搜索）',
    'records.reason.unknown_region': '不是有效的省/市/区',
  },
  en: {
    'records.region.placeholder': 'Province / city / district (type to search)',
    'records.reason.unknown_region': 'Not a province, city or district of China',
  },
};

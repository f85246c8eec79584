/** UI strings of global search (§2.1); keys start with "search.". */
export const search = {
  zh: {
    'search.title': '“{{q}}”的搜索结果',
    'search.none': '没有找到匹配“{{q}}”的数据',
    'search.more': '更多结果…',
    'search.hint': '支持姓名、公司名称、手机、电话、邮箱，以及拼音全拼或首字母（如 zhangsan、zs）',
  },
  en: {
    'search.title': 'Results for “{{q}}”',
    'search.none': 'Nothing matches “{{q}}”',
    'search.more': 'More results…',
    'search.hint': 'Names, company names, mobiles, phones, e-mails, and pinyin in full or as initials (zhangsan, zs)',
  },
};

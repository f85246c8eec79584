/**
 * Province-level and major city names that companies put before or after their name
 * ("北京仁科互动", "仁科互动北京", "广东省深圳市…"). Stripped by the company-name key, so the
 * same company registered with and without its city is found as a likely duplicate (§3.2.7).
 * 中国 is deliberately absent: "中国银行" must not become "银行". The SQL function in
 * 0012_dedupe_search.sql carries the same list; the dedupe test checks the two agree.
 */
export const PROVINCES = [
  '北京', '天津', '上海', '重庆', '河北', '山西', '辽宁', '吉林', '黑龙江', '江苏', '浙江', '安徽', '福建', '江西', '山东',
  '河南', '湖北', '湖南', '广东', '海南', '四川', '贵州', '云南', '陕西', '甘肃', '青海', '台湾', '内蒙古', '广西', '西藏',
  '宁夏', '新疆', '香港', '澳门',
];

export const CITIES = [
  '广州', '深圳', '杭州', '南京', '苏州', '成都', '武汉', '西安', '郑州', '长沙', '青岛', '厦门', '宁波', '无锡', '济南',
  '大连', '沈阳', '长春', '哈尔滨', '石家庄', '太原', '合肥', '福州', '南昌', '南宁', '海口', '贵阳', '昆明', '兰州', '西宁',
  '银川', '乌鲁木齐', '拉萨', '呼和浩特', '东莞', '佛山', '珠海', '中山', '惠州', '温州', '绍兴', '嘉兴', '金华', '台州',
  '常州', '南通', '徐州', '扬州', '烟台', '潍坊', '唐山', '保定', '洛阳', '泉州', '漳州', '汕头', '湛江', '柳州', '桂林',
  '三亚', '绵阳', '宜昌', '襄阳', '株洲', '芜湖', '包头', '鄂尔多斯', '大庆', '鞍山', '淄博', '临沂', '济宁', '廊坊',
  '昆山', '江门', '肇庆', '揭阳', '盐城', '泰州', '镇江', '湖州', '舟山', '丽水', '衢州', '赣州', '九江', '宜宾', '遵义',
];

/** What follows a region name: 广东省, 深圳市, 广西壮族自治区, 香港特别行政区. */
export const REGION_SUFFIXES = ['省', '市', '自治区', '壮族自治区', '回族自治区', '维吾尔自治区', '特别行政区'];

/** Longest first, so an alternation tried in order (JavaScript) picks what PostgreSQL's longest match picks. */
export const REGION_NAMES = [...new Set([...PROVINCES, ...CITIES])].sort((a, b) => b.length - a.length || a.localeCompare(b));

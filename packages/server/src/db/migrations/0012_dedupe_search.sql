-- Duplicates (§3.2.7, §3.5.2) and global search (§2.1).
--
-- company_name_key(): the Chinese-aware key company names are compared by, IMMUTABLE so it backs
-- expression indexes. Full-width → half-width, capitals → lower case, every bracket → (), bracketed
-- aliases and cities dropped, spaces and punctuation removed, then trailing legal forms and trade
-- words (有限公司, 集团, 科技 …) and a leading or trailing province / city (北京, 广东省 …) stripped
-- while at least two characters remain. "北京仁科互动（仁科互动）" and "仁科互动北京" both give 仁科互动.
-- Its TypeScript twin is packages/server/src/dedupe/company-key.ts (same lists; a test compares them).
CREATE FUNCTION company_name_key(name text) RETURNS text
LANGUAGE plpgsql IMMUTABLE STRICT PARALLEL SAFE AS $fn$
DECLARE
  s text;
  whole text;
  prev text;
  m text;
BEGIN
  s := regexp_replace(translate(name,
    'ＡＢＣＤＥＦＧＨＩＪＫＬＭＮＯＰＱＲＳＴＵＶＷＸＹＺａｂｃｄｅｆｇｈｉｊｋｌｍｎｏｐｑｒｓｔｕｖｗｘｙｚ０１２３４５６７８９ABCDEFGHIJKLMNOPQRSTUVWXYZ（［｛【〔〖[{）］｝】〕〗]}',
    'abcdefghijklmnopqrstuvwxyzabcdefghijklmnopqrstuvwxyz0123456789abcdefghijklmnopqrstuvwxyz(((((((())))))))'),
    '[^0-9a-z()\u00c0-\u024f\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+', ' ', 'g');
  whole := regexp_replace(s, '[() ]+', '', 'g');
  LOOP
    prev := s;
    s := regexp_replace(s, '\([^()]*\)', ' ', 'g');
    EXIT WHEN s = prev;
  END LOOP;
  s := btrim(regexp_replace(regexp_replace(s, '[()]', ' ', 'g'), ' +', ' ', 'g'));
  LOOP
    prev := s;
    s := regexp_replace(s, ' (?:co|ltd|limited|inc|corp|corporation|company|llc|gmbh|group|holdings|plc)$', '');
    EXIT WHEN s = prev;
  END LOOP;
  s := replace(s, ' ', '');
  LOOP
    m := substring(s FROM '(?:集团股份有限公司|股份有限公司|有限责任公司|集团有限公司|有限公司|股份公司|集团公司|分公司|总公司|子公司|办事处|事务所|工作室|分行|支行|分店|集团|公司|控股|股份|实业|科技|网络|信息|技术|软件|电子商务|电子|贸易|商贸|发展|投资|咨询|服务|管理|文化|传媒|工程|国际|企业)$');
    IF m IS NOT NULL AND char_length(s) - char_length(m) >= 2 THEN
      s := left(s, -char_length(m));
      CONTINUE;
    END IF;
    m := substring(s FROM '(?:乌鲁木齐|呼和浩特|鄂尔多斯|内蒙古|哈尔滨|石家庄|黑龙江|三亚|上海|东莞|丽水|中山|临沂|九江|云南|佛山|保定|兰州|包头|北京|南京|南宁|南昌|南通|厦门|台州|台湾|合肥|吉林|唐山|嘉兴|四川|大庆|大连|天津|太原|宁夏|宁波|安徽|宜宾|宜昌|山东|山西|常州|广东|广州|广西|廊坊|徐州|惠州|成都|扬州|拉萨|揭阳|新疆|无锡|昆山|昆明|杭州|柳州|株洲|桂林|武汉|汕头|江苏|江西|江门|沈阳|河北|河南|泉州|泰州|洛阳|济南|济宁|浙江|海南|海口|淄博|深圳|温州|湖北|湖南|湖州|湛江|漳州|潍坊|澳门|烟台|珠海|甘肃|盐城|福州|福建|绍兴|绵阳|肇庆|舟山|芜湖|苏州|衢州|襄阳|西宁|西安|西藏|贵州|贵阳|赣州|辽宁|遵义|郑州|重庆|金华|银川|镇江|长春|长沙|陕西|青岛|青海|鞍山|香港)(?:维吾尔自治区|壮族自治区|回族自治区|特别行政区|自治区|省|市)?$');
    IF m IS NOT NULL AND char_length(s) - char_length(m) >= 2 THEN
      s := left(s, -char_length(m));
      CONTINUE;
    END IF;
    m := substring(s FROM '^(?:乌鲁木齐|呼和浩特|鄂尔多斯|内蒙古|哈尔滨|石家庄|黑龙江|三亚|上海|东莞|丽水|中山|临沂|九江|云南|佛山|保定|兰州|包头|北京|南京|南宁|南昌|南通|厦门|台州|台湾|合肥|吉林|唐山|嘉兴|四川|大庆|大连|天津|太原|宁夏|宁波|安徽|宜宾|宜昌|山东|山西|常州|广东|广州|广西|廊坊|徐州|惠州|成都|扬州|拉萨|揭阳|新疆|无锡|昆山|昆明|杭州|柳州|株洲|桂林|武汉|汕头|江苏|江西|江门|沈阳|河北|河南|泉州|泰州|洛阳|济南|济宁|浙江|海南|海口|淄博|深圳|温州|湖北|湖南|湖州|湛江|漳州|潍坊|澳门|烟台|珠海|甘肃|盐城|福州|福建|绍兴|绵阳|肇庆|舟山|芜湖|苏州|衢州|襄阳|西宁|西安|西藏|贵州|贵阳|赣州|辽宁|遵义|郑州|重庆|金华|银川|镇江|长春|长沙|陕西|青岛|青海|鞍山|香港)(?:维吾尔自治区|壮族自治区|回族自治区|特别行政区|自治区|省|市)?');
    IF m IS NOT NULL AND char_length(s) - char_length(m) >= 2 THEN
      s := substr(s, char_length(m) + 1);
      CONTINUE;
    END IF;
    EXIT;
  END LOOP;
  IF s = '' THEN s := whole; END IF;
  RETURN nullif(s, '');
END
$fn$;

-- Phones compare by digits, without a +86 / 0086 before a mobile number; under 5 digits never match.
CREATE FUNCTION dedupe_phone_key(phone text) RETURNS text
LANGUAGE plpgsql IMMUTABLE STRICT PARALLEL SAFE AS $fn$
DECLARE
  d text := regexp_replace(regexp_replace(phone, '\D', '', 'g'), '^(?:0086|86)(1\d{10})$', '\1');
BEGIN
  RETURN CASE WHEN char_length(d) >= 5 THEN d END;
END
$fn$;

CREATE FUNCTION dedupe_email_key(email text) RETURNS text
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $fn$ SELECT nullif(lower(btrim(email)), '') $fn$;

-- Exact matching of other text: width, case, spaces and punctuation ignored, nothing stripped.
CREATE FUNCTION dedupe_text_key(value text) RETURNS text
LANGUAGE plpgsql IMMUTABLE STRICT PARALLEL SAFE AS $fn$
BEGIN
  RETURN nullif(regexp_replace(translate(value,
    'ＡＢＣＤＥＦＧＨＩＪＫＬＭＮＯＰＱＲＳＴＵＶＷＸＹＺａｂｃｄｅｆｇｈｉｊｋｌｍｎｏｐｑｒｓｔｕｖｗｘｙｚ０１２３４５６７８９ABCDEFGHIJKLMNOPQRSTUVWXYZ（［｛【〔〖[{）］｝】〕〗]}',
    'abcdefghijklmnopqrstuvwxyzabcdefghijklmnopqrstuvwxyz0123456789abcdefghijklmnopqrstuvwxyz(((((((())))))))'),
    '[^0-9a-z\u00c0-\u024f\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]|[()]', '', 'g'), '');
END
$fn$;

-- Lookups for the default rules and the likely variations (lead e-mail, account phone): trigram on
-- company keys (fuzzy), b-tree on phone and e-mail keys (exact). Other fields match by a scan of the company's rows.
CREATE INDEX leads_company_key_ix ON leads USING gin (company_name_key(company_name) gin_trgm_ops);
CREATE INDEX accounts_name_key_ix ON accounts USING gin (company_name_key(name) gin_trgm_ops);
CREATE INDEX leads_mobile_key_ix ON leads (tenant_id, dedupe_phone_key(mobile)) WHERE mobile IS NOT NULL;
CREATE INDEX leads_email_key_ix ON leads (tenant_id, dedupe_email_key(email)) WHERE email IS NOT NULL;
CREATE INDEX accounts_phone_key_ix ON accounts (tenant_id, dedupe_phone_key(phone)) WHERE phone IS NOT NULL;
CREATE INDEX contacts_mobile_key_ix ON contacts (tenant_id, dedupe_phone_key(mobile)) WHERE mobile IS NOT NULL;
CREATE INDEX contacts_email_key_ix ON contacts (tenant_id, dedupe_email_key(email)) WHERE email IS NOT NULL;

-- 查重规则 per company and object: which fields, exact or fuzzy, and the fuzzy threshold. No row
-- means the built-in defaults (packages/server/src/dedupe/default-rules.ts).
CREATE TABLE dedupe_rules (
  tenant_id   uuid NOT NULL REFERENCES tenants(id) ON DELETE CASCADE,
  object      text NOT NULL,
  enabled     boolean NOT NULL DEFAULT true,
  fields      jsonb NOT NULL,
  updated_by  uuid,
  updated_at  timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, object),
  FOREIGN KEY (tenant_id, updated_by) REFERENCES users(tenant_id, id)
);

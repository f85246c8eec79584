-- Duplicates (§3.2.7, §3.5.2) and global search (§2.1).
--
-- company_name_key(): the Chinese-aware key company names are compared by. Full-width → half-width
-- (NFKC), capitals → lower case, every bracket → (), bracketed aliases and cities dropped, spaces and
-- punctuation removed, then trailing legal forms and trade words (有限公司, 集团, 科技 …) and a
-- leading or trailing province / city (北京, 广东省 …) stripped while at least two characters
-- remain: "北京仁科互动（仁科互动）" and "仁科互动北京" both give 仁科互动. Its TypeScript twin is
-- packages/server/src/dedupe/company-key.ts (same lists; a test compares the two). Stacked words
-- go in one match each side (a regex call costs ~5 µs); trailing ones are matched at the start of
-- the reversed name, as a $-anchored alternation is tried from every position.
CREATE FUNCTION company_name_key(name text) RETURNS text
LANGUAGE plpgsql IMMUTABLE STRICT PARALLEL SAFE AS $fn$
DECLARE
  s text;
  whole text;
  prev text;
  m text;
BEGIN
  s := regexp_replace(translate(lower(normalize(name, NFKC)), '[]{}【】〔〕〖〗', '()()()()()'), '[^0-9a-z()\u00c0-\u024f\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+', ' ', 'g');
  whole := translate(s, '() ', '');
  IF strpos(s, '(') > 0 OR strpos(s, ')') > 0 THEN
    LOOP
      prev := s;
      s := regexp_replace(s, '\([^()]*\)', ' ', 'g');
      EXIT WHEN s = prev;
    END LOOP;
    s := translate(s, '()', '  ');
  END IF;
  IF s ~ '[a-z]' THEN
    s := btrim(regexp_replace(s, ' +', ' ', 'g'));
    LOOP
      prev := s;
      s := regexp_replace(s, ' (?:co|ltd|limited|inc|corp|corporation|company|llc|gmbh|group|holdings|plc)$', '');
      EXIT WHEN s = prev;
    END LOOP;
  END IF;
  s := replace(s, ' ', '');
  -- Every trailing word at once; when that would leave under two characters, one at a time.
  m := substring(reverse(s) FROM '^(?:司公限有份股团集|司公限有份股|司公任责限有|司公限有团集|司公限有|司公份股|司公团集|司公分|司公总|司公子|处事办|所务事|室作工|行分|行支|店分|团集|司公|股控|份股|业实|技科|络网|息信|术技|件软|务商子电|子电|易贸|贸商|展发|资投|询咨|务服|理管|化文|媒传|程工|际国|业企|(?:区治自尔吾维|区治自族壮|区治自族回|区政行别特|区治自|省|市)?(?:齐木鲁乌|特浩和呼|斯多尔鄂|古蒙内|滨尔哈|庄家石|江龙黑|亚三|海上|莞东|水丽|山中|沂临|江九|南云|山佛|定保|州兰|头包|京北|京南|宁南|昌南|通南|门厦|州台|湾台|肥合|林吉|山唐|兴嘉|川四|庆大|连大|津天|原太|夏宁|波宁|徽安|宾宜|昌宜|东山|西山|州常|东广|州广|西广|坊廊|州徐|州惠|都成|州扬|萨拉|阳揭|疆新|锡无|山昆|明昆|州杭|州柳|洲株|林桂|汉武|头汕|苏江|西江|门江|阳沈|北河|南河|州泉|州泰|阳洛|南济|宁济|江浙|南海|口海|博淄|圳深|州温|北湖|南湖|州湖|江湛|州漳|坊潍|门澳|台烟|海珠|肃甘|城盐|州福|建福|兴绍|阳绵|庆肇|山舟|湖芜|州苏|州衢|阳襄|宁西|安西|藏西|州贵|阳贵|州赣|宁辽|义遵|州郑|庆重|华金|川银|江镇|春长|沙长|西陕|岛青|海青|山鞍|港香))+');
  IF m IS NOT NULL AND char_length(s) - char_length(m) >= 2 THEN
    s := left(s, -char_length(m));
  ELSIF m IS NOT NULL THEN
    LOOP
      m := substring(reverse(s) FROM '^(?:司公限有份股团集|司公限有份股|司公任责限有|司公限有团集|司公限有|司公份股|司公团集|司公分|司公总|司公子|处事办|所务事|室作工|行分|行支|店分|团集|司公|股控|份股|业实|技科|络网|息信|术技|件软|务商子电|子电|易贸|贸商|展发|资投|询咨|务服|理管|化文|媒传|程工|际国|业企|(?:区治自尔吾维|区治自族壮|区治自族回|区政行别特|区治自|省|市)?(?:齐木鲁乌|特浩和呼|斯多尔鄂|古蒙内|滨尔哈|庄家石|江龙黑|亚三|海上|莞东|水丽|山中|沂临|江九|南云|山佛|定保|州兰|头包|京北|京南|宁南|昌南|通南|门厦|州台|湾台|肥合|林吉|山唐|兴嘉|川四|庆大|连大|津天|原太|夏宁|波宁|徽安|宾宜|昌宜|东山|西山|州常|东广|州广|西广|坊廊|州徐|州惠|都成|州扬|萨拉|阳揭|疆新|锡无|山昆|明昆|州杭|州柳|洲株|林桂|汉武|头汕|苏江|西江|门江|阳沈|北河|南河|州泉|州泰|阳洛|南济|宁济|江浙|南海|口海|博淄|圳深|州温|北湖|南湖|州湖|江湛|州漳|坊潍|门澳|台烟|海珠|肃甘|城盐|州福|建福|兴绍|阳绵|庆肇|山舟|湖芜|州苏|州衢|阳襄|宁西|安西|藏西|州贵|阳贵|州赣|宁辽|义遵|州郑|庆重|华金|川银|江镇|春长|沙长|西陕|岛青|海青|山鞍|港香))');
      EXIT WHEN m IS NULL OR char_length(s) - char_length(m) < 2;
      s := left(s, -char_length(m));
    END LOOP;
  END IF;
  m := substring(s FROM '^(?:(?:乌鲁木齐|呼和浩特|鄂尔多斯|内蒙古|哈尔滨|石家庄|黑龙江|三亚|上海|东莞|丽水|中山|临沂|九江|云南|佛山|保定|兰州|包头|北京|南京|南宁|南昌|南通|厦门|台州|台湾|合肥|吉林|唐山|嘉兴|四川|大庆|大连|天津|太原|宁夏|宁波|安徽|宜宾|宜昌|山东|山西|常州|广东|广州|广西|廊坊|徐州|惠州|成都|扬州|拉萨|揭阳|新疆|无锡|昆山|昆明|杭州|柳州|株洲|桂林|武汉|汕头|江苏|江西|江门|沈阳|河北|河南|泉州|泰州|洛阳|济南|济宁|浙江|海南|海口|淄博|深圳|温州|湖北|湖南|湖州|湛江|漳州|潍坊|澳门|烟台|珠海|甘肃|盐城|福州|福建|绍兴|绵阳|肇庆|舟山|芜湖|苏州|衢州|襄阳|西宁|西安|西藏|贵州|贵阳|赣州|辽宁|遵义|郑州|重庆|金华|银川|镇江|长春|长沙|陕西|青岛|青海|鞍山|香港)(?:维吾尔自治区|壮族自治区|回族自治区|特别行政区|自治区|省|市)?)+');
  IF m IS NOT NULL AND char_length(s) - char_length(m) >= 2 THEN
    s := substr(s, char_length(m) + 1);
  ELSIF m IS NOT NULL THEN
    LOOP
      m := substring(s FROM '^(?:乌鲁木齐|呼和浩特|鄂尔多斯|内蒙古|哈尔滨|石家庄|黑龙江|三亚|上海|东莞|丽水|中山|临沂|九江|云南|佛山|保定|兰州|包头|北京|南京|南宁|南昌|南通|厦门|台州|台湾|合肥|吉林|唐山|嘉兴|四川|大庆|大连|天津|太原|宁夏|宁波|安徽|宜宾|宜昌|山东|山西|常州|广东|广州|广西|廊坊|徐州|惠州|成都|扬州|拉萨|揭阳|新疆|无锡|昆山|昆明|杭州|柳州|株洲|桂林|武汉|汕头|江苏|江西|江门|沈阳|河北|河南|泉州|泰州|洛阳|济南|济宁|浙江|海南|海口|淄博|深圳|温州|湖北|湖南|湖州|湛江|漳州|潍坊|澳门|烟台|珠海|甘肃|盐城|福州|福建|绍兴|绵阳|肇庆|舟山|芜湖|苏州|衢州|襄阳|西宁|西安|西藏|贵州|贵阳|赣州|辽宁|遵义|郑州|重庆|金华|银川|镇江|长春|长沙|陕西|青岛|青海|鞍山|香港)(?:维吾尔自治区|壮族自治区|回族自治区|特别行政区|自治区|省|市)?');
      EXIT WHEN m IS NULL OR char_length(s) - char_length(m) < 2;
      s := substr(s, char_length(m) + 1);
    END LOOP;
  END IF;
  IF s = '' THEN s := whole; END IF;
  RETURN nullif(s, '');
END
$fn$;

-- The parts of a key a shorter stored key may be: every substring of two characters or more (of
-- the first 24), and the key itself. "Is a stored 仁科互动 inside the typed 仁科互动营销顾问?" is then
-- an index lookup of equal keys, where trigram similarity (0.4 here) would need a loose threshold
-- and hundreds of candidates.
CREATE FUNCTION company_key_parts(key text) RETURNS text[]
LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE AS $fn$
  SELECT coalesce(array_agg(DISTINCT substr(k, i, n)), '{}') || key
  FROM (SELECT left(key, 24) AS k) x, generate_series(1, char_length(k)) i, generate_series(2, char_length(k)) n
  WHERE i + n - 1 <= char_length(k)
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
  RETURN nullif(regexp_replace(translate(lower(normalize(value, NFKC)), '[]{}【】〔〕〖〗', '()()()()()'),
    '[^0-9a-z\u00c0-\u024f\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]|[()]', '', 'g'), '');
END
$fn$;

-- The company keys of leads and accounts, stored rather than indexed as expressions: a trigram
-- match is rechecked on every candidate row, and an expression index has the function called
-- again for each (tens of µs a call, several calls per candidate: a list page's marks took
-- seconds); a stored key is just read. Trigram indexes answer fuzzy matches, b-tree ones equal
-- keys and the parts of a longer typed name.
ALTER TABLE leads ADD COLUMN company_key text GENERATED ALWAYS AS (company_name_key(company_name)) STORED;
ALTER TABLE accounts ADD COLUMN name_key text GENERATED ALWAYS AS (company_name_key(name)) STORED;
CREATE INDEX leads_company_key_trgm_ix ON leads USING gin (company_key gin_trgm_ops);
CREATE INDEX leads_company_key_ix ON leads (tenant_id, company_key);
CREATE INDEX accounts_name_key_trgm_ix ON accounts USING gin (name_key gin_trgm_ops);
CREATE INDEX accounts_name_key_ix ON accounts (tenant_id, name_key);

-- Exact rules on the default fields and the likely variations (lead e-mail, account phone) are
-- b-tree lookups on expressions; other fields match by a scan of the company's rows.
CREATE INDEX leads_mobile_key_ix ON leads (tenant_id, dedupe_phone_key(mobile));
CREATE INDEX leads_email_key_ix ON leads (tenant_id, dedupe_email_key(email));
CREATE INDEX accounts_phone_key_ix ON accounts (tenant_id, dedupe_phone_key(phone));
CREATE INDEX contacts_mobile_key_ix ON contacts (tenant_id, dedupe_phone_key(mobile));
CREATE INDEX contacts_email_key_ix ON contacts (tenant_id, dedupe_email_key(email));

-- Global search (§2.1): a one-character query matches names by prefix, which a b-tree answers in
-- order and stops early, where the trigram index would gather every word starting with 王.
CREATE INDEX leads_name_prefix_ix ON leads (tenant_id, lower(name) text_pattern_ops);
CREATE INDEX accounts_name_prefix_ix ON accounts (tenant_id, lower(name) text_pattern_ops);
CREATE INDEX contacts_name_prefix_ix ON contacts (tenant_id, lower(name) text_pattern_ops);

-- 查重规则 per company and object: which fields, exact or fuzzy, and the fuzzy threshold. No row
-- means the built-in defaults (packages/server/src/dedupe/rules.ts).
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

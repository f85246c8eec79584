-- 系统设置 → 对象与字段 needs its own permission. New companies' administrator roles get every
-- permission when created; existing ones get this one here, so administrators keep holding them all.
UPDATE roles
   SET permissions = array_append(permissions, 'metadata.manage')
 WHERE key = 'admin' AND NOT ('metadata.manage' = ANY (permissions));

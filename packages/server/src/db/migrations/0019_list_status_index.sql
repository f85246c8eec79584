-- 跟进状态 is the filter a lead list uses most (未处理, 已联系 …), newest first. The key follows the
-- list's order (created_at DESC, id), so a page walks the index and stops after 50 rows; the
-- visibility columns ride along in INCLUDE, so the list's total is counted from the index alone:
-- owner (owner, heads, superiors) and pool group (unclaimed records of a member's groups); id
-- (team members) is in the key. bench/list-view.bench.ts measures it.
CREATE INDEX leads_status_ix ON leads (tenant_id, status, created_at DESC, id) INCLUDE (owner_id, pool_group_id);

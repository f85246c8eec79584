import type { ImportBusy } from '@yixiao/core';
import type { DbOrTx } from '../../db/database';
import type { AuthContext } from '../../platform/auth/context';
import { AppError } from '../../platform/http/errors';
import { t } from '../../platform/i18n/messages';
import { ACTIVE_STATUSES, estimatedEnd } from './job-view';

/** Minutes in the company's time zone, as the busy message shows them. */
function clock(at: Date, timeZone: string): string {
  return new Intl.DateTimeFormat('sv-SE', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit' }).format(at);
}

/**
 * 409 import.busy: someone else's import holds the company's slot (系统同一时间只能允许一个用户进行数据导入).
 * Says who, since when and, once there is a pace, until when, in the caller's language.
 */
export async function busyError(db: DbOrTx, auth: AuthContext): Promise<AppError> {
  const active = await db.selectFrom('import_jobs')
    .innerJoin('users', (j) => j.onRef('users.tenant_id', '=', 'import_jobs.tenant_id').onRef('users.id', '=', 'import_jobs.started_by'))
    .selectAll('import_jobs').select('users.name as user_name')
    .where('import_jobs.tenant_id', '=', auth.tenantId).where('import_jobs.status', 'in', ACTIVE_STATUSES).executeTakeFirst();
  const tenant = await db.selectFrom('tenants').select('time_zone').where('id', '=', auth.tenantId).executeTakeFirstOrThrow();
  if (!active) return new AppError(409, 'import.busy', 'import.busy', { user: '', since: '', until: '' });
  const end = estimatedEnd(active);
  const details: ImportBusy = {
    jobId: active.id, userName: active.user_name, startedAt: active.started_at.toISOString(), estimatedEnd: end?.toISOString() ?? null,
  };
  return new AppError(409, 'import.busy', 'import.busy', {
    user: active.user_name, since: clock(active.started_at, tenant.time_zone),
    until: end ? t(auth.locale, 'import.busy_until', { at: clock(end, tenant.time_zone) }) : '',
  }, details);
}

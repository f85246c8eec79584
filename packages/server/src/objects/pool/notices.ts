import type { Locale } from '@yixiao/core';
import type { DbOrTx } from '../../db/database';
import type { EngineObject } from '../../metadata/registry';
import { t } from '../../platform/i18n/messages';
import { notify } from '../../platform/notifications/notify';

/** One pool notice to one user, in that user's language, linking to the record (or to the list when about several). */
export async function poolNotice(
  db: DbOrTx, tenantId: string, userId: string, object: EngineObject, recordId: string | null,
  title: string, params: Record<string, string | number>, body?: { key: string; params: Record<string, string | number> },
) {
  const user = await db.selectFrom('users').select('locale').where('tenant_id', '=', tenantId).where('id', '=', userId).executeTakeFirst();
  const locale: Locale = user?.locale ?? 'zh-CN';
  const label = locale === 'en-US' ? object.label.en : object.label.zh;
  await notify(db, {
    tenantId, userIds: [userId], kind: 'notice',
    title: t(locale, title, { object: label, ...params }),
    body: body ? t(locale, body.key, Object.fromEntries(Object.entries(body.params).map(([k, v]) => [k, k === 'rule' ? t(locale, String(v), body.params) : v]))) : '',
    link: recordId ? `/${object.key}/${recordId}` : `/${object.key}`,
  });
}

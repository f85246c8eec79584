import type { Locale } from '@yixiao/core';
import { sql } from 'kysely';
import type { DbOrTx } from '../../db/database';
import { AppError } from '../../platform/http/errors';
import { t } from '../../platform/i18n/messages';
import { notify } from '../../platform/notifications/notify';
import type { RecordScope } from '../../records/scope';
import { excerpt } from './sanitize-content';
import './messages';

/** The colleagues named with @, who must be active users of the company. */
export async function loadMentioned(db: DbOrTx, tenantId: string, userIds: readonly string[]) {
  const ids = [...new Set(userIds.map((id) => id.toLowerCase()))];
  if (ids.length === 0) return [];
  const users = await db.selectFrom('users').select(['id', 'locale'])
    .where('tenant_id', '=', tenantId).where(sql<boolean>`id = any(${ids}::uuid[])`).where('status', '=', 'active').execute();
  if (users.length !== ids.length) throw new AppError(400, 'bad_mention', 'activity.bad_mention');
  return users;
}

/**
 * Tells each mentioned colleague (not the poster) in their own language, with an email when they
 * subscribed to 'mentioned'. The poster chose to show them these words, so the notification
 * carries them even to a colleague who cannot open the record.
 */
export async function notifyMentioned(
  tx: DbOrTx, scope: RecordScope, record: { id: string; name: string }, users: { id: string; locale: Locale }[], text: string, appUrl: string,
): Promise<void> {
  const byLocale = new Map<Locale, string[]>();
  for (const user of users) if (user.id !== scope.auth.userId) byLocale.set(user.locale, [...(byLocale.get(user.locale) ?? []), user.id]);
  for (const [locale, userIds] of byLocale) {
    const object = locale === 'en-US' ? scope.object.label.en : scope.object.label.zh;
    await notify(tx, {
      tenantId: scope.auth.tenantId, userIds, kind: 'notice',
      title: t(locale, 'activity.mentioned', { actor: scope.auth.name, object, name: excerpt(record.name, 40) }),
      body: excerpt(text, 500), link: `/${scope.object.key}/${record.id}`, emailEvent: 'mentioned', appUrl,
    });
  }
}

import type { Tx } from '../../db/database';
import { loadObject } from '../../metadata/registry';
import { writeAudit } from '../../platform/audit/audit';
import { AppError, invalid } from '../../platform/http/errors';
import { findRow } from '../../records/read';
import { claimPendingFiles } from '../../records/record-files';
import type { RecordScope } from '../../records/scope';
import { auditRecord } from '../../records/write-helpers';
import type { NewActivity } from './activity.types';
import { markFollowedUp } from './follow-up';
import { loadMentioned, notifyMentioned } from './mentions';
import { contentToText, excerpt, sanitizeActivityContent } from './sanitize-content';
import './messages';

const MAX_CONTENT = 20_000;
// A phone's clock a little ahead of the server's is not "the future".
const CLOCK_SLACK_MS = 5 * 60_000;

/** The name of a record as people call it (its name field), for notifications. */
const recordName = (scope: RecordScope, row: Record<string, unknown>) => {
  const column = scope.object.field(scope.object.nameField)?.column;
  return column && row[column] != null ? String(row[column]) : '';
};

/**
 * 跟进 (§3.3.7, §3.5.9): posts a 动态 on a record the poster may read (team members with read
 * rights included). In one transaction: the activity row (owner = poster), its attachments, the
 * record's (and its account's) 最新活动记录时间, the operation log and the @mention notifications.
 */
export async function postActivity(tx: Tx, scope: RecordScope, recordId: string, input: NewActivity, appUrl: string): Promise<string> {
  const { auth } = scope;
  const row = await findRow(tx, scope, recordId, 'read');

  const typeField = (await loadObject(tx, auth.tenantId, 'activity')).field('type');
  if (!typeField?.options?.some((o) => o.value === input.type && o.enabled)) throw invalid('activity.bad_type', { type: input.type });

  const content = sanitizeActivityContent(input.content);
  const text = contentToText(content);
  if (content.length > MAX_CONTENT) throw invalid('activity.too_long', { max: MAX_CONTENT });
  if (!text && input.attachments.length === 0) throw new AppError(400, 'empty', 'activity.empty');

  const occurredAt = input.occurredAt ? new Date(input.occurredAt) : new Date();
  if (occurredAt.getTime() > Date.now() + CLOCK_SLACK_MS) throw invalid('activity.future');
  const mentioned = await loadMentioned(tx, auth.tenantId, input.mentions);

  const activity = await tx.insertInto('activities')
    .values({
      tenant_id: auth.tenantId, type: input.type, content, related_object: scope.object.key, related_id: recordId,
      occurred_at: occurredAt, owner_id: auth.userId, department_id: auth.departmentId,
      search_text: text.slice(0, 2000), created_by: auth.userId, updated_by: auth.userId,
    })
    .returning('id').executeTakeFirstOrThrow();
  await claimPendingFiles(tx, { tenantId: auth.tenantId, object: 'activity', recordId: activity.id }, auth.userId, input.attachments);
  await markFollowedUp(tx, auth.tenantId, scope.object, row, occurredAt);

  const logged = { id: activity.id, type: input.type, excerpt: excerpt(text, 200) };
  await auditRecord(tx, scope, recordId, 'activity_add', [{ field: 'activity', old: null, new: logged }]);
  await writeAudit(tx, {
    tenantId: auth.tenantId, actorId: auth.userId, objectType: 'activity', recordId: activity.id, action: 'create', requestId: scope.requestId,
    changes: [
      { field: 'type', old: null, new: input.type }, { field: 'content', old: null, new: content },
      { field: 'relatedObject', old: null, new: scope.object.key }, { field: 'relatedId', old: null, new: recordId },
      { field: 'occurredAt', old: null, new: occurredAt.toISOString() },
    ],
  });
  await notifyMentioned(tx, scope, { id: recordId, name: recordName(scope, row) }, mentioned, text, appUrl);
  return activity.id;
}

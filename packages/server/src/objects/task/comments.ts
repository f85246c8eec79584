import type { DbOrTx, Tx } from '../../db/database';
import { writeAudit } from '../../platform/audit/audit';
import type { RecordScope } from '../../records/scope';
import { findTask } from './task-access';
import { noticeToTaskPeople } from './task-notices';

/** A task's discussion (§3.3.7 "可在此界面讨论和添加附件"), oldest first. The caller has found the task. */
export async function listComments(db: DbOrTx, tenantId: string, taskId: string) {
  const rows = await db.selectFrom('task_comments as c')
    .leftJoin('users as u', (j) => j.onRef('u.tenant_id', '=', 'c.tenant_id').onRef('u.id', '=', 'c.author_id'))
    .select(['c.id', 'c.content', 'c.created_at', 'c.author_id', 'u.name', 'u.avatar_file_id'])
    .where('c.tenant_id', '=', tenantId).where('c.task_id', '=', taskId)
    .orderBy('c.created_at').orderBy('c.id').limit(1000).execute();
  return rows.map((r) => ({
    id: r.id, content: r.content, createdAt: r.created_at.toISOString(),
    author: { id: r.author_id, name: r.name ?? '', avatarUrl: r.avatar_file_id ? `/api/v1/files/${r.avatar_file_id}` : null },
  }));
}

/** Adds a plain-text comment by anyone who can see the task; its assignee and creator hear of it. */
export async function addComment(tx: Tx, scope: RecordScope, taskId: string, content: string) {
  const { auth } = scope;
  const task = await findTask(tx, scope, taskId);
  const row = await tx.insertInto('task_comments')
    .values({ tenant_id: auth.tenantId, task_id: taskId, author_id: auth.userId, content })
    .returning(['id', 'created_at']).executeTakeFirstOrThrow();
  await writeAudit(tx, {
    tenantId: auth.tenantId, actorId: auth.userId, objectType: 'task', recordId: taskId, action: 'comment_add', requestId: scope.requestId,
    changes: [{ field: 'comment', old: null, new: { id: row.id, excerpt: content.slice(0, 200) } }],
  });
  await noticeToTaskPeople(tx, auth.tenantId, [task.owner_id, task.created_by], auth.userId, 'task.commented', { actor: auth.name, subject: task.subject }, content.slice(0, 500));
  return { id: row.id, content, createdAt: row.created_at.toISOString(), author: { id: auth.userId, name: auth.name, avatarUrl: null } };
}

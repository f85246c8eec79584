-- 动态 and 任务日程 on every record (§3.3.7, §3.5.9): comments on tasks, and the indexes a record's
-- feed, its task list and "我的任务" read by. Attachments of activities and tasks are rows of
-- record_files (object 'activity' / 'task'), like any record's documents.

CREATE TABLE task_comments (
  tenant_id   uuid NOT NULL,
  id          uuid NOT NULL DEFAULT gen_random_uuid(),
  task_id     uuid NOT NULL,
  author_id   uuid NOT NULL,
  content     text NOT NULL,
  created_at  timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, id),
  FOREIGN KEY (tenant_id, task_id) REFERENCES tasks(tenant_id, id) ON DELETE CASCADE,
  FOREIGN KEY (tenant_id, author_id) REFERENCES users(tenant_id, id)
);
CREATE INDEX task_comments_task_ix ON task_comments (tenant_id, task_id, created_at);

-- A record's 动态, newest first, and its tasks.
CREATE INDEX activities_related_ix ON activities (tenant_id, related_object, related_id, occurred_at DESC, id);
CREATE INDEX tasks_related_ix ON tasks (tenant_id, related_object, related_id, created_at DESC);
-- 我的任务 also lists the tasks I gave to others.
CREATE INDEX tasks_creator_ix ON tasks (tenant_id, created_by, created_at DESC);
-- Which record a stored file is attached to (a file is attached once).
CREATE INDEX record_files_file_ix ON record_files (tenant_id, file_id);

-- Who an import's pool auto-assign rules gave records to (count and the first few, per user), kept
-- with the job from batch to batch so each assignee gets one notice when the import ends, rather
-- than one per batch (a thousand for a million-row file).
ALTER TABLE import_jobs ADD COLUMN assigned jsonb NOT NULL DEFAULT '{}'::jsonb;

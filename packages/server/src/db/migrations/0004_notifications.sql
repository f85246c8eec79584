-- Notification centre: reminders scheduled through the job queue, and the indexes the
-- notification, announcement and feedback lists read through.

-- A reminder a user (or a later module, e.g. tasks) schedules for a time. The durable job only
-- carries its id: the row says whether it already fired or was cancelled, so a job that runs again
-- after a crash never notifies twice.
CREATE TABLE reminders (
  tenant_id     uuid NOT NULL,
  id            uuid NOT NULL DEFAULT gen_random_uuid(),
  user_id       uuid NOT NULL,
  title         text NOT NULL,
  body          text NOT NULL DEFAULT '',
  link          text,
  remind_at     timestamptz NOT NULL,
  email_event   text,           -- an EMAIL_EVENTS key: the reminder also mails when the user subscribed
  source        text,           -- who scheduled it, e.g. 'task:<id>', so that module can cancel it
  created_by    uuid NOT NULL,
  fired_at      timestamptz,
  cancelled_at  timestamptz,
  created_at    timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant_id, id),
  FOREIGN KEY (tenant_id, user_id) REFERENCES users(tenant_id, id) ON DELETE CASCADE
);
CREATE INDEX reminders_pending_ix ON reminders (tenant_id, user_id, remind_at) WHERE fired_at IS NULL AND cancelled_at IS NULL;
CREATE INDEX reminders_source_ix ON reminders (tenant_id, source) WHERE source IS NOT NULL;

CREATE INDEX notifications_kind_ix ON notifications (tenant_id, user_id, kind, created_at DESC);
CREATE INDEX announcements_created_ix ON announcements (tenant_id, created_at DESC);
CREATE INDEX feedback_created_ix ON feedback (tenant_id, created_at DESC);
CREATE INDEX feedback_user_ix ON feedback (tenant_id, user_id, created_at DESC);

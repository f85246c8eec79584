-- Personal settings (§2.2), files and the mail outbox: the indexes their look-ups need, and the
-- avatar's link to its file.

-- Email links carry "<tenant_id>.<secret>"; the row is found by (tenant_id, sha256(secret)).
CREATE INDEX verifications_secret_ix ON verifications (tenant_id, secret_hash);
-- A user's open verification per channel (the latest code, the rate limit).
CREATE INDEX verifications_user_ix ON verifications (tenant_id, user_id, channel, created_at DESC);

-- The administrators' outbox list, newest first per status.
CREATE INDEX mail_outbox_status_ix ON mail_outbox (tenant_id, status, created_at DESC);

-- An avatar points at a stored file of the same tenant; deleting the file clears the avatar only
-- (PostgreSQL 15's column list keeps tenant_id).
UPDATE users u SET avatar_file_id = NULL
 WHERE avatar_file_id IS NOT NULL
   AND NOT EXISTS (SELECT 1 FROM files f WHERE f.tenant_id = u.tenant_id AND f.id = u.avatar_file_id);
ALTER TABLE users ADD CONSTRAINT users_avatar_file_fk FOREIGN KEY (tenant_id, avatar_file_id)
  REFERENCES files (tenant_id, id) ON DELETE SET NULL (avatar_file_id);

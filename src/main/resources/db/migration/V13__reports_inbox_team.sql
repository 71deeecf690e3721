-- Reports (GET /api/reports/overview) and the inboxes admin API (issue 8).

-- An inbox may name the team that usually handles it (the admin page sets it). Not a routing rule yet: the router
-- still ranks by the account's categories and skills.
ALTER TABLE inboxes ADD COLUMN team_id BIGINT;
ALTER TABLE inboxes ADD CONSTRAINT inboxes_name_len CHECK (char_length(name) BETWEEN 1 AND 200);

-- The AI rates of the reports count an account's rows created in a date range. Without these, each report scans
-- every classification, correction and draft of the account (they grow with every customer message).
CREATE INDEX ai_classifications_account_created_idx ON ai_classifications (account_id, created_at);
CREATE INDEX ai_corrections_account_created_idx ON ai_corrections (account_id, created_at);
CREATE INDEX ai_drafts_account_created_idx ON ai_drafts (account_id, created_at);

-- [jooq ignore start]
-- Removing a team leaves its inboxes without one (column-list SET NULL is PostgreSQL 15+).
ALTER TABLE inboxes ADD CONSTRAINT inboxes_team_fk FOREIGN KEY (account_id, team_id)
    REFERENCES teams (account_id, id) ON DELETE SET NULL (team_id);
-- [jooq ignore stop]

-- Deleting an inbox is refused while conversations use it, and the admin list shows each inbox's count: both look
-- conversations up by inbox (the inbox foreign key had no index on its referencing side).
CREATE INDEX conversations_account_inbox_idx ON conversations (account_id, inbox_id);

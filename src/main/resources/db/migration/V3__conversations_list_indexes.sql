-- Indexes for the conversation list (GET /api/conversations): each sort reads its page straight from an index
-- instead of sorting every conversation of the account. The counts of the same statement use V1's
-- (account_id, assignee_id, status) index as an index-only scan.

-- sort=newest / sort=oldest (the same index read forwards or backwards); id breaks ties so pages are stable.
CREATE INDEX conversations_account_last_message_idx ON conversations (account_id, last_message_at DESC, id DESC);

-- The "mine" tab (assignee=me, or any one agent) in the default order; also serves the tab counts.
CREATE INDEX conversations_account_assignee_last_message_idx
    ON conversations (account_id, assignee_id, last_message_at DESC, id DESC);

-- sort=waiting: longest-waiting first, conversations nobody waits on (NULL) last.
CREATE INDEX conversations_account_waiting_idx ON conversations (account_id, waiting_since, id);

-- [jooq ignore start]
-- sort=priority: urgent first. ConversationFinder.PRIORITY_RANK must stay the same expression, or the index is
-- not used.
CREATE INDEX conversations_account_priority_idx ON conversations (account_id,
    (CASE priority WHEN 'urgent' THEN 0 WHEN 'high' THEN 1 WHEN 'normal' THEN 2 ELSE 3 END),
    last_message_at DESC, id DESC);
-- [jooq ignore stop]

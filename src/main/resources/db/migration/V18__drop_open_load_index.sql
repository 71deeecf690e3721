-- The partial index of open conversations per assignee served routing's per-candidate count of open load; V16
-- replaced that count with a counter on the membership, and nothing else reads the index. Every conversation
-- write paid for it (an assignment is a non-HOT update that touches each index of conversations).
-- [jooq ignore start]
DROP INDEX IF EXISTS conversations_open_load_idx;
-- [jooq ignore stop]

-- Full-text search through stored tsvector columns instead of expression indexes. Under row-level security the
-- planner may only use an index whose qualifying operator and the functions applied to the row are LEAKPROOF:
-- with an expression index the qual applies to_tsvector(...) to the row (not leakproof), so the application role
-- fell back to reading every message of the account. Against a stored column only the match operator applies
-- to the row, and provisioning marks it LEAKPROOF (scripts/provision.sh).

-- [jooq ignore start]
ALTER TABLE messages ADD COLUMN content_tsv tsvector GENERATED ALWAYS AS (to_tsvector('simple', content)) STORED;
DROP INDEX messages_content_fts_idx;
CREATE INDEX messages_content_fts_idx ON messages USING gin (content_tsv);

ALTER TABLE contacts ADD COLUMN search_tsv tsvector
    GENERATED ALWAYS AS (to_tsvector('simple', coalesce(name, '') || ' ' || coalesce(email, ''))) STORED;
DROP INDEX contacts_fts_idx;
CREATE INDEX contacts_fts_idx ON contacts USING gin (search_tsv);
-- [jooq ignore stop]

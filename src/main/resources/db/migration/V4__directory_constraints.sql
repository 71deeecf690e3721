-- The account directory (teams, labels, canned responses): invariants the services validate, kept here too as
-- the last wall, plus the indexes its queries need.

ALTER TABLE teams ADD CONSTRAINT teams_name_len CHECK (char_length(name) BETWEEN 1 AND 200);
ALTER TABLE teams ADD CONSTRAINT teams_description_len CHECK (char_length(description) <= 1000);
ALTER TABLE labels ADD CONSTRAINT labels_name_len CHECK (char_length(name) BETWEEN 1 AND 200);
ALTER TABLE labels ADD CONSTRAINT labels_description_len CHECK (char_length(description) <= 1000);
ALTER TABLE canned_responses ADD CONSTRAINT canned_responses_content_len
    CHECK (char_length(content) BETWEEN 1 AND 10000);

-- An agent's teams (agent list) and the cascade when a member leaves the account look team_members up by user.
CREATE INDEX team_members_user_idx ON team_members (account_id, user_id);

-- [jooq ignore start]
ALTER TABLE labels ADD CONSTRAINT labels_color_ck CHECK (color ~ '^#[0-9a-f]{6}$');
ALTER TABLE canned_responses ADD CONSTRAINT canned_responses_short_code_ck
    CHECK (short_code ~ '^[a-z0-9_-]{1,50}$');
-- "Billing" and "billing" are the same team or label to a person: names are unique regardless of case.
CREATE UNIQUE INDEX teams_name_lower_uk ON teams (account_id, lower(name));
CREATE UNIQUE INDEX labels_name_lower_uk ON labels (account_id, lower(name));
-- [jooq ignore stop]

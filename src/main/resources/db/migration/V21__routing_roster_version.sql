-- Routing keeps each account's roster (who the agents are: role, declared availability, capacity, skills,
-- languages, teams, recent performance) in memory and reads only the loads that change with every assignment per
-- decision. Reading the whole roster joined with users, stats and team memberships was the largest statement of a
-- decision (bench/routing). This counter tells every node when its copy is out of date: whatever changes a roster
-- fact bumps it in the same transaction, and a decision reads it in the same statement as the loads.
CREATE TABLE routing_roster_versions (
    account_id  BIGINT NOT NULL,
    version     BIGINT NOT NULL,
    CONSTRAINT routing_roster_versions_pk PRIMARY KEY (account_id),
    CONSTRAINT routing_roster_versions_account_fk FOREIGN KEY (account_id) REFERENCES accounts (id) ON DELETE CASCADE
);

-- [jooq ignore start]
ALTER TABLE routing_roster_versions ENABLE ROW LEVEL SECURITY;
ALTER TABLE routing_roster_versions FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON routing_roster_versions
    USING (account_id = app_account_id()) WITH CHECK (account_id = app_account_id());

-- Runs as the writer, in the account's scope (memberships and team memberships are only written there). A deletion
-- only updates: when the account itself is being deleted its counter goes with it.
CREATE FUNCTION routing_roster_changed() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'DELETE' THEN
        UPDATE routing_roster_versions SET version = version + 1 WHERE account_id = OLD.account_id;
    ELSE
        INSERT INTO routing_roster_versions (account_id, version) VALUES (NEW.account_id, 1)
        ON CONFLICT (account_id) DO UPDATE SET version = routing_roster_versions.version + 1;
    END IF;
    RETURN NULL;
END $$;

-- Not open_conversations nor last_assigned_at: those are read fresh by every decision.
CREATE TRIGGER account_users_routing_roster
    AFTER INSERT OR DELETE OR UPDATE OF role, availability, max_concurrent, skills, languages ON account_users
    FOR EACH ROW EXECUTE FUNCTION routing_roster_changed();

CREATE TRIGGER team_members_routing_roster
    AFTER INSERT OR DELETE OR UPDATE ON team_members
    FOR EACH ROW EXECUTE FUNCTION routing_roster_changed();
-- [jooq ignore stop]

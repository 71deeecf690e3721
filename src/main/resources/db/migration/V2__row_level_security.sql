-- Row-level security: the second wall behind the account filter that every query carries.
-- The application connects as a role that neither owns these tables nor bypasses RLS, and sets the account per
-- transaction with set_config('app.account_id', id, true), so a pooled connection never carries it further.
-- FORCE makes the policies apply to the owner as well.

-- [jooq ignore start]
CREATE FUNCTION app_account_id() RETURNS BIGINT LANGUAGE sql STABLE AS
$$ SELECT nullif(current_setting('app.account_id', true), '')::bigint $$;

CREATE FUNCTION app_user_id() RETURNS BIGINT LANGUAGE sql STABLE AS
$$ SELECT nullif(current_setting('app.user_id', true), '')::bigint $$;

DO $$
DECLARE t TEXT;
BEGIN
    FOREACH t IN ARRAY ARRAY['teams', 'team_members', 'contacts', 'conversations', 'messages', 'labels',
                             'conversation_labels', 'canned_responses', 'audit_log']
    LOOP
        EXECUTE format('ALTER TABLE %I ENABLE ROW LEVEL SECURITY', t);
        EXECUTE format('ALTER TABLE %I FORCE ROW LEVEL SECURITY', t);
        EXECUTE format('CREATE POLICY tenant_isolation ON %I USING (account_id = app_account_id())'
                       ' WITH CHECK (account_id = app_account_id())', t);
    END LOOP;
END $$;

ALTER TABLE accounts ENABLE ROW LEVEL SECURITY;
ALTER TABLE accounts FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON accounts USING (id = app_account_id()) WITH CHECK (id = app_account_id());
-- A signed-in user may read the names of the accounts they belong to (the account switcher).
CREATE POLICY member_accounts ON accounts FOR SELECT USING (
    EXISTS (SELECT 1 FROM account_users au WHERE au.account_id = accounts.id AND au.user_id = app_user_id()));

-- Memberships are read by account (team pages) and by user (login lists a user's accounts).
ALTER TABLE account_users ENABLE ROW LEVEL SECURITY;
ALTER TABLE account_users FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON account_users
    USING (account_id = app_account_id()) WITH CHECK (account_id = app_account_id());
CREATE POLICY own_memberships ON account_users FOR SELECT USING (user_id = app_user_id());

-- The public inbox API resolves an inbox by its public identifier before it knows the account.
ALTER TABLE inboxes ENABLE ROW LEVEL SECURITY;
ALTER TABLE inboxes FORCE ROW LEVEL SECURITY;
CREATE POLICY tenant_isolation ON inboxes
    USING (account_id = app_account_id()) WITH CHECK (account_id = app_account_id());
CREATE POLICY public_lookup ON inboxes FOR SELECT
    USING (public_id = nullif(current_setting('app.public_inbox', true), ''));

-- The application role: data access only, no DDL, no ownership.
DO $$
BEGIN
    IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '${app_role}') THEN
        EXECUTE format('GRANT USAGE ON SCHEMA %I TO %I', current_schema(), '${app_role}');
        EXECUTE format('GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA %I TO %I',
                       current_schema(), '${app_role}');
        EXECUTE format('GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA %I TO %I', current_schema(), '${app_role}');
        EXECUTE format('ALTER DEFAULT PRIVILEGES IN SCHEMA %I GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO %I',
                       current_schema(), '${app_role}');
        EXECUTE format('ALTER DEFAULT PRIVILEGES IN SCHEMA %I GRANT USAGE, SELECT ON SEQUENCES TO %I',
                       current_schema(), '${app_role}');
    END IF;
END $$;
-- [jooq ignore stop]

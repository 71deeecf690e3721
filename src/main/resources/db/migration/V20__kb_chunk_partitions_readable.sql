-- A knowledge search reads its account's partition by name (kb_chunks_pNN, found with the account's size) instead
-- of the parent: with the parent, PostgreSQL 15 re-plans the search for every execution (a generic plan would lock
-- all 32 partitions), 0.6-1.4 ms of a 2-5 ms search at 1M chunks (bench/kb); a named partition is planned once per
-- connection. The app role may read partitions, not write them (writes go through the parent, which routes them),
-- and each partition keeps V19's forced tenant policy, so a partition shows only the account's rows.
-- [jooq ignore start]
DO $$
DECLARE t TEXT;
BEGIN
    IF EXISTS (SELECT 1 FROM pg_roles WHERE rolname = '${app_role}') THEN
        FOR t IN SELECT c.relname FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid
                 WHERE i.inhparent = 'kb_chunks'::regclass
        LOOP
            EXECUTE format('GRANT SELECT ON %I TO %I', t, '${app_role}');
        END LOOP;
    END IF;
END $$;
-- [jooq ignore stop]

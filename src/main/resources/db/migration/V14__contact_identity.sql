-- Identity verification for the public inbox API. Until now a contact session opened with an email became that
-- email's contact, so anyone who knew a customer's email could read their conversations. Now an email binds a
-- session to an existing contact only with identifierHash = HMAC-SHA256(inbox identity secret, email), computed by
-- the customer's own site (Intercom's and Chatwoot's identity verification); an unverified claim of a known email gets
-- a new contact that keeps the claimed address in unverified_email for agents to see.
ALTER TABLE inboxes ADD COLUMN identity_secret VARCHAR;
ALTER TABLE contacts ADD COLUMN unverified_email VARCHAR;
-- [jooq ignore start]
UPDATE inboxes SET identity_secret = replace(gen_random_uuid()::text, '-', '') || replace(gen_random_uuid()::text, '-', '');
ALTER TABLE inboxes ALTER COLUMN identity_secret
    SET DEFAULT replace(gen_random_uuid()::text, '-', '') || replace(gen_random_uuid()::text, '-', '');
ALTER TABLE inboxes ALTER COLUMN identity_secret SET NOT NULL;
-- [jooq ignore stop]

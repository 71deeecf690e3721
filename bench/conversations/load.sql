-- Loads the conversation-list benchmark data into a freshly migrated database, as a superuser (bypasses RLS):
-- 50 accounts × (10 agents, 1 inbox, 5,000 contacts, 20,000 conversations, 100,000 messages)
-- = 1,000,000 conversations and 5,000,000 messages. Deterministic (setseed).
-- psql variable :hash is a password hash for every user (password: bench-password).
\set ON_ERROR_STOP on
SELECT setseed(0.42);
SET synchronous_commit = off;

INSERT INTO accounts (id, name) SELECT a, 'Bench account ' || a FROM generate_series(1, 50) a;
INSERT INTO users (id, email, name, password_hash)
SELECT (a - 1) * 10 + u, 'agent' || u || '@bench' || a || '.test', 'Agent ' || u || ' of ' || a, :'hash'
FROM generate_series(1, 50) a, generate_series(1, 10) u;
INSERT INTO account_users (account_id, user_id, role, availability, max_concurrent, skills, languages)
SELECT a, (a - 1) * 10 + u, CASE WHEN u = 1 THEN 'owner' ELSE 'agent' END, 'online', 50,
       ARRAY['billing', 'technical'], ARRAY['en', 'fi']
FROM generate_series(1, 50) a, generate_series(1, 10) u;
INSERT INTO teams (account_id, id, name) SELECT a, a * 2 - 1, 'billing' FROM generate_series(1, 50) a;
INSERT INTO teams (account_id, id, name) SELECT a, a * 2, 'technical' FROM generate_series(1, 50) a;
INSERT INTO inboxes (account_id, id, name, public_id) SELECT a, a, 'API', 'bench-inbox-' || a FROM generate_series(1, 50) a;
INSERT INTO contacts (account_id, id, name, email)
SELECT a, (a - 1) * 5000 + c, 'Customer ' || c, 'customer' || c || '@example' || a || '.test'
FROM generate_series(1, 50) a, generate_series(1, 5000) c;

INSERT INTO conversations (account_id, id, inbox_id, contact_id, assignee_id, team_id, status, priority,
                           ai_category, ai_sentiment, ai_language, ai_confidence, created_at, updated_at,
                           last_message_at, last_message_preview, waiting_since)
SELECT a, (a - 1) * 20000 + n, a, (a - 1) * 5000 + 1 + (n % 5000),
       CASE WHEN n % 4 = 0 THEN NULL ELSE (a - 1) * 10 + 1 + (n % 10) END,
       a * 2 - (n % 2),
       (ARRAY['open', 'open', 'pending', 'resolved', 'snoozed'])[1 + n % 5],
       (ARRAY['low', 'normal', 'normal', 'high', 'urgent'])[1 + (n / 7) % 5],
       (ARRAY['billing', 'technical', 'sales', 'account'])[1 + (n / 3) % 4],
       (ARRAY['positive', 'neutral', 'negative', 'frustrated'])[1 + (n / 5) % 4],
       (ARRAY['en', 'fi', 'de'])[1 + (n / 11) % 3], 0.9,
       now() - make_interval(mins => n), now() - make_interval(mins => n),
       now() - make_interval(mins => n) + interval '20 minutes',
       'Latest message of conversation ' || n,
       CASE WHEN n % 3 = 0 THEN now() - make_interval(mins => n) END
FROM generate_series(1, 50) a, generate_series(1, 20000) n;

INSERT INTO messages (account_id, id, conversation_id, message_type, sender_type, sender_id, content, created_at)
SELECT c.account_id, (c.id - 1) * 5 + m, c.id,
       CASE WHEN m % 2 = 1 THEN 'incoming' ELSE 'outgoing' END,
       CASE WHEN m % 2 = 1 THEN 'contact' ELSE 'user' END,
       CASE WHEN m % 2 = 1 THEN c.contact_id ELSE c.assignee_id END,
       (ARRAY['I was charged twice for my subscription', 'The app crashes when I open settings',
              'How do I export my invoices', 'Please cancel my account', 'Thanks, that fixed it',
              'We would like a quote for the team plan', 'Password reset email never arrives'])[1 + (c.id + m) % 7]
           || ' (ref ' || c.id || '-' || m || ')',
       c.created_at + make_interval(mins => m * 4)
FROM conversations c, generate_series(1, 5) m;

UPDATE conversations c SET last_message_id = (c.id - 1) * 5 + 5;

-- Identity sequences continue after the explicit ids.
SELECT setval(pg_get_serial_sequence('accounts', 'id'), (SELECT max(id) FROM accounts));
SELECT setval(pg_get_serial_sequence('users', 'id'), (SELECT max(id) FROM users));
SELECT setval(pg_get_serial_sequence('teams', 'id'), (SELECT max(id) FROM teams));
SELECT setval(pg_get_serial_sequence('inboxes', 'id'), (SELECT max(id) FROM inboxes));
SELECT setval(pg_get_serial_sequence('contacts', 'id'), (SELECT max(id) FROM contacts));
SELECT setval(pg_get_serial_sequence('conversations', 'id'), (SELECT max(id) FROM conversations));
SELECT setval(pg_get_serial_sequence('messages', 'id'), (SELECT max(id) FROM messages));
VACUUM ANALYZE;

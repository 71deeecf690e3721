/**
 * Conversations and their messages: the agents' inbox (list, detail, timeline, replies, notes, status, assignment,
 * labels) and, in {@code publicapi}, the public inbox API through which customers write in.
 *
 * <p>Public API (this package): {@link com.hummdesk.conversations.ConversationsModule}, the events
 * {@link com.hummdesk.conversations.ConversationCreated}, {@link com.hummdesk.conversations.MessageCreated},
 * {@link com.hummdesk.conversations.ConversationUpdated} and {@link com.hummdesk.conversations.ConversationAssigned}
 * (published after commit), the enumerations they carry, {@link com.hummdesk.conversations.MessageService} (how
 * messages get in), {@link com.hummdesk.conversations.ConversationAssignments} (how routing assigns, in its own
 * transaction) and {@link com.hummdesk.conversations.ConversationFinder} (the list SQL, which the benchmark reuses).
 *
 * <p>Writes: conversations, messages, conversation_labels, audit_log, and contacts only to open a public contact
 * session. Reads (finders only): contacts, users, account_users, teams, labels, inboxes. Depends on platform only.
 */
package com.hummdesk.conversations;

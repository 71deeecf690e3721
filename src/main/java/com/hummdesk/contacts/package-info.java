/**
 * The account's customers: list and search, create, change, merge, and each contact's conversation history. Every
 * member may manage contacts. Writes {@code contacts} (and the audit log); merging also moves conversations to the
 * remaining contact, the one write on another feature's table. Reads conversations read-only ({@link
 * com.hummdesk.contacts.ContactConversationsFinder}). Depends on platform and audit. Publishes {@link
 * com.hummdesk.contacts.ContactsMerged}.
 */
package com.hummdesk.contacts;

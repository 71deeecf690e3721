/**
 * The public inbox API: customers open a contact session on an inbox (by its public id, no sign-in) and, with
 * the contact token it returns, start conversations, write in and read their own conversations. Customers never
 * see private notes, activity entries or agents' ids. Writes go through {@link
 * com.hummdesk.conversations.MessageService}; this package itself writes only contacts (to open a session).
 */
package com.hummdesk.conversations.publicapi;

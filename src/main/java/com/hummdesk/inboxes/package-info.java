/**
 * Inboxes, the channels conversations arrive through: listed by every member, created, changed and deleted by admins
 * and owners. Writes {@code inboxes} (and the audit log); reads {@code teams} (a team's name, whether it exists) and
 * {@code conversations} (how many use an inbox) read-only. Depends on platform and audit.
 */
package com.hummdesk.inboxes;

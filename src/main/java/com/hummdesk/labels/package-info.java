/**
 * Labels agents put on conversations: listed by every member, managed by admins and owners. Writes only
 * {@code labels} (and the audit log). Depends on platform and audit.
 */
package com.hummdesk.labels;

/**
 * Canned responses: saved replies found by short code. Every member reads them; admins and owners manage them.
 * Writes only {@code canned_responses} (and the audit log). Depends on platform and audit.
 */
package com.hummdesk.cannedresponses;

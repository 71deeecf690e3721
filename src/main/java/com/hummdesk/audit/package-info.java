/**
 * The audit log: one row per change a person made in an account (who, what, which target, details). Features call
 * {@link com.hummdesk.audit.AuditRepository} inside their own transaction. Depends only on platform.
 */
package com.hummdesk.audit;

/**
 * Reports: an account's conversation volume, response and resolution times, and how its AI performs, over a date
 * range in a time zone. Read-only: {@link com.hummdesk.reports.ReportsRepository} aggregates conversations,
 * messages, ai_classifications, ai_corrections and ai_drafts (other features' tables) in SQL. Any member may read.
 * Depends on platform only.
 */
package com.hummdesk.reports;

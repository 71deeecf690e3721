/**
 * Teams of agents: listed and read by every member, created, changed and staffed by admins and owners. Writes
 * {@code teams} and {@code team_members} (and the audit log); reads account members read-only ({@link
 * com.hummdesk.teams.TeamsFinder}). Depends on platform and audit.
 */
package com.hummdesk.teams;

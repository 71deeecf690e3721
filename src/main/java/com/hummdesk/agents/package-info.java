/**
 * The account's members (agents): directory with load and teams, invitations, roles, availability, capacity,
 * skills and languages. Writes {@code account_users} and, for invitations and renames, {@code users} (and the audit
 * log); reads conversations and teams read-only ({@link com.hummdesk.agents.AgentsFinder}). Role rules live in
 * {@code AgentPolicy}. Depends on platform, audit and auth (password hashing). Publishes {@link
 * com.hummdesk.agents.AgentAvailabilityChanged} and {@link com.hummdesk.agents.AgentRemoved}.
 */
package com.hummdesk.agents;

/**
 * Smart routing: assigns new and waiting conversations to the agent best placed to take them, and says why.
 *
 * <p>Candidates are the account's agents who are online (declared availability and {@link
 * com.hummdesk.routing.RoutingPresence}), below their maximum of open conversations, and who have the conversation's
 * category as a skill or belong to its team; speaking its language is preferred, not required. The inbox's strategy
 * ranks them: load_balanced (default) by spare capacity, then recent performance, then least recently assigned;
 * round_robin by least recently assigned; manual never assigns. Nobody eligible: the conversation waits in the
 * queue until an agent comes online or frees capacity (oldest first). Every assignment and every queueing is
 * recorded with the ranked candidates and the deciding rule ({@code GET /api/conversations/{id}/routing}).
 *
 * <p>Public API: {@link com.hummdesk.routing.RoutingModule}, {@link com.hummdesk.routing.Router} (the AI pipeline
 * routes a conversation after classifying it), {@link com.hummdesk.routing.RoutingOutcome}, {@link
 * com.hummdesk.routing.RoutingPresence} and {@link com.hummdesk.routing.RoutingSettings}.
 *
 * <p>Writes: routing_decisions, routing_queue, routing_agent_stats, and account_users.last_assigned_at (the one
 * column of the agents' table that exists for routing's fairness). Assigns only through the conversations
 * feature's {@link com.hummdesk.conversations.ConversationAssignments}. Reads (finders only): conversations,
 * inboxes, account_users, users, team_members. Listens to ConversationCreated, ConversationUpdated,
 * ConversationAssigned and AgentAvailabilityChanged. Depends on platform, conversations and agents (events only).
 */
package com.hummdesk.routing;

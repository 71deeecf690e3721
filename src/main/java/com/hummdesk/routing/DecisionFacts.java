package com.hummdesk.routing;

/** What a decision reads from the database each time: the conversation and the loads of the account's members. */
record DecisionFacts(RoutedConversation conversation, AgentLoads loads) {}

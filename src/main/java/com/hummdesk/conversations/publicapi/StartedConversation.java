package com.hummdesk.conversations.publicapi;

/** A conversation the customer just started, with their first message. */
public record StartedConversation(long conversationId, PublicMessage message) {}

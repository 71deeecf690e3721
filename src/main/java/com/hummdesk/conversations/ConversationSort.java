package com.hummdesk.conversations;

/**
 * Orders of the conversation list. newest/oldest go by the last message (activity), priority is urgent first then
 * newest, waiting is the customer who has waited longest for a reply first (conversations nobody waits on last).
 */
public enum ConversationSort {
    NEWEST,
    OLDEST,
    PRIORITY,
    WAITING
}

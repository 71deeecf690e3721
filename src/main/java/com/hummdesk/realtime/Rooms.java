package com.hummdesk.realtime;

/**
 * Room names. Every room carries its account: a person who belongs to two accounts has one user id but must never
 * receive account B's events on a socket signed in to account A, so user rooms are {@code user:{accountId}:{userId}}
 * rather than {@code user:{userId}}.
 */
final class Rooms {
    private Rooms() {}

    static String account(long accountId) {
        return "account:" + accountId;
    }

    static String user(long accountId, long userId) {
        return "user:" + accountId + ":" + userId;
    }

    static String contact(long accountId, long contactId) {
        return "contact:" + accountId + ":" + contactId;
    }
}

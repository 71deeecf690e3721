package com.hummdesk.realtime;

import java.util.List;

/** A customer's socket (contact token): hears only what is sent to this contact, never the account room. */
record CustomerPrincipal(long accountId, long inboxId, long contactId) implements Principal {
    @Override
    public List<String> rooms() {
        return List.of(Rooms.contact(accountId, contactId));
    }
}

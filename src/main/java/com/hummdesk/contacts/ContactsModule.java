package com.hummdesk.contacts;

import com.hummdesk.platform.db.Database;
import com.hummdesk.platform.events.EventBus;
import com.hummdesk.platform.http.RouteModule;
import java.util.List;

/** Builds the contacts, search, merge feature. */
public final class ContactsModule {
    public ContactsModule(Database db, EventBus events) {}

    public List<RouteModule> routes() {
        return List.of();
    }
}

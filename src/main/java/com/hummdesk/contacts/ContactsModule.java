package com.hummdesk.contacts;

import com.hummdesk.platform.db.Database;
import com.hummdesk.platform.events.EventBus;
import com.hummdesk.platform.http.RouteModule;
import java.util.List;

/** Builds the contacts, search, merge feature. */
public final class ContactsModule {
    private final ContactsService service;

    public ContactsModule(Database db, EventBus events) {
        this.service = new ContactsService(db, events);
    }

    public List<RouteModule> routes() {
        return List.of(new ContactsRoutes(service));
    }
}

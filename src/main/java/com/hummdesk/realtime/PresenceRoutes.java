package com.hummdesk.realtime;

import com.hummdesk.platform.http.Api;
import com.hummdesk.platform.http.Doc;
import com.hummdesk.platform.http.Requests;
import com.hummdesk.platform.http.RouteModule;
import io.javalin.http.Context;
import java.util.List;

/** GET /api/presence: who is online now, for a client's first paint (agent:presence events carry the changes). */
final class PresenceRoutes implements RouteModule {
    public record PresenceList(List<AgentPresence> agents) {}

    private final Presence presence;

    PresenceRoutes(Presence presence) {
        this.presence = presence;
    }

    @Override
    public void routes(Api api) {
        api.get(
                "/api/presence",
                this::list,
                Doc.of("Realtime", "Agents of the account who are online or away")
                        .returns(PresenceList.class)
                        .description("Changes arrive over socket.io as agent:presence; see docs/realtime.md for"
                                + " the socket.io API (/socket.io/, events and payloads)."));
    }

    private void list(Context ctx) {
        ctx.json(new PresenceList(presence.online(Requests.user(ctx).accountId())));
    }
}

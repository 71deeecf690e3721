package com.hummdesk.agents;

import com.hummdesk.platform.errors.Enums;
import com.hummdesk.platform.http.Api;
import com.hummdesk.platform.http.Doc;
import com.hummdesk.platform.http.Requests;
import com.hummdesk.platform.http.RouteModule;
import com.hummdesk.platform.security.Role;
import io.javalin.http.Context;
import java.util.List;

/** /api/agents: the account's members. */
final class AgentsRoutes implements RouteModule {
    private static final String TAG = "Agents";
    private final AgentsService agents;

    public record CreateAgentRequest(
            String name,
            String email,
            String role,
            String password,
            Integer maxConcurrent,
            List<String> skills,
            List<String> languages) {}

    /** Every field is optional; a missing one stays as it is. */
    public record UpdateAgentRequest(
            String name,
            String role,
            String availability,
            Integer maxConcurrent,
            List<String> skills,
            List<String> languages) {}

    public record AvailabilityRequest(String availability) {}

    AgentsRoutes(AgentsService agents) {
        this.agents = agents;
    }

    @Override
    public void routes(Api api) {
        api.get(
                "/api/agents",
                this::list,
                Doc.of(TAG, "List the account's agents with load and teams")
                        .query("page", "1-based page (default 1)")
                        .query("pageSize", "1..100 (default 100)")
                        .returns(AgentPage.class));
        api.post(
                "/api/agents",
                this::invite,
                Doc.of(TAG, "Add someone to the account (admins and owners)")
                        .body(CreateAgentRequest.class)
                        .returns(201, Agent.class)
                        .description("Someone new to HummDesk needs name and password (8+ characters); an existing"
                                + " login is added as it is. role owner|admin|agent (default agent; only owners"
                                + " grant owner). 409 when already a member."));
        api.patch(
                "/api/agents/me/availability",
                this::setOwnAvailability,
                Doc.of(TAG, "Set your own availability")
                        .body(AvailabilityRequest.class)
                        .returns(Agent.class));
        api.get("/api/agents/{id}", this::get, Doc.of(TAG, "One agent").returns(Agent.class));
        api.patch(
                "/api/agents/{id}",
                this::update,
                Doc.of(TAG, "Change an agent")
                        .body(UpdateAgentRequest.class)
                        .returns(Agent.class)
                        .description("Admins and owners change anything; agents only their own name and"
                                + " availability. Only owners grant or take away owner; the last owner stays (422)."));
        api.delete(
                "/api/agents/{id}",
                this::remove,
                Doc.of(TAG, "Remove someone from the account (admins and owners)")
                        .returns(204, null)
                        .description("Their conversations become unassigned. Only owners remove owners; the last"
                                + " owner cannot be removed (422)."));
    }

    private void list(Context ctx) {
        int page = Requests.intQuery(ctx, "page", 1, 1, 100_000);
        int pageSize = Requests.intQuery(ctx, "pageSize", 100, 1, 100);
        ctx.json(agents.list(Requests.user(ctx), page, pageSize));
    }

    private void get(Context ctx) {
        ctx.json(agents.get(Requests.user(ctx), Requests.pathId(ctx, "id")));
    }

    private void invite(Context ctx) {
        var body = Requests.body(ctx, CreateAgentRequest.class);
        var role = body.role() == null ? null : Enums.parse(Role.class, "role", body.role());
        var agent = agents.invite(
                Requests.user(ctx),
                new NewAgent(
                        body.name(),
                        body.email(),
                        role,
                        body.password(),
                        body.maxConcurrent(),
                        body.skills(),
                        body.languages()));
        ctx.status(201).json(agent);
    }

    private void update(Context ctx) {
        var id = Requests.pathId(ctx, "id");
        var body = Requests.body(ctx, UpdateAgentRequest.class);
        var changes = new AgentChanges(
                body.name(),
                body.role() == null ? null : Enums.parse(Role.class, "role", body.role()),
                availability(body.availability()),
                body.maxConcurrent(),
                body.skills(),
                body.languages());
        ctx.json(agents.update(Requests.user(ctx), id, changes));
    }

    private void setOwnAvailability(Context ctx) {
        var body = Requests.body(ctx, AvailabilityRequest.class);
        ctx.json(agents.setOwnAvailability(Requests.user(ctx), availability(body.availability())));
    }

    private void remove(Context ctx) {
        agents.remove(Requests.user(ctx), Requests.pathId(ctx, "id"));
        ctx.status(204);
    }

    private static Availability availability(String value) {
        return value == null ? null : Enums.parse(Availability.class, "availability", value);
    }
}

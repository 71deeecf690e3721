package com.hummdesk.teams;

import com.hummdesk.platform.http.Api;
import com.hummdesk.platform.http.Doc;
import com.hummdesk.platform.http.Requests;
import com.hummdesk.platform.http.RouteModule;
import io.javalin.http.Context;
import java.util.List;

/** /api/teams and their members. */
final class TeamsRoutes implements RouteModule {
    private static final String TAG = "Teams";
    private final TeamsService teams;

    /** For POST name is required; for PATCH a missing field stays as it is. */
    public record TeamRequest(String name, String description) {}

    public record AddMembersRequest(List<Long> userIds) {}

    TeamsRoutes(TeamsService teams) {
        this.teams = teams;
    }

    @Override
    public void routes(Api api) {
        api.get(
                "/api/teams",
                this::list,
                Doc.of(TAG, "List teams with their member counts")
                        .query("page", "1-based page (default 1)")
                        .query("pageSize", "1..100 (default 100)")
                        .returns(TeamPage.class));
        api.post(
                "/api/teams",
                this::create,
                Doc.of(TAG, "Create a team (admins and owners)")
                        .body(TeamRequest.class)
                        .returns(201, Team.class)
                        .description("Names are unique in the account regardless of case (409)."));
        api.get(
                "/api/teams/{id}",
                this::get,
                Doc.of(TAG, "A team with its members").returns(Team.class));
        api.patch(
                "/api/teams/{id}",
                this::update,
                Doc.of(TAG, "Rename or describe a team (admins and owners)")
                        .body(TeamRequest.class)
                        .returns(Team.class));
        api.delete(
                "/api/teams/{id}",
                this::delete,
                Doc.of(TAG, "Delete a team; its conversations stay, without a team (admins and owners)")
                        .returns(204, null));
        api.post(
                "/api/teams/{id}/members",
                this::addMembers,
                Doc.of(TAG, "Add agents of the account to a team (admins and owners)")
                        .body(AddMembersRequest.class)
                        .returns(Team.class)
                        .description("Idempotent: agents already in the team stay. Any id that is not an agent of"
                                + " this account makes the whole request 404."));
        api.delete(
                "/api/teams/{id}/members/{userId}",
                this::removeMember,
                Doc.of(TAG, "Remove an agent from a team (admins and owners)").returns(204, null));
    }

    private void list(Context ctx) {
        int page = Requests.intQuery(ctx, "page", 1, 1, 100_000);
        int pageSize = Requests.intQuery(ctx, "pageSize", 100, 1, 100);
        ctx.json(teams.list(Requests.user(ctx), page, pageSize));
    }

    private void get(Context ctx) {
        ctx.json(teams.get(Requests.user(ctx), Requests.pathId(ctx, "id")));
    }

    private void create(Context ctx) {
        var body = Requests.body(ctx, TeamRequest.class);
        var team = teams.create(Requests.user(ctx), new TeamsService.Changes(body.name(), body.description()));
        ctx.status(201).json(team);
    }

    private void update(Context ctx) {
        var id = Requests.pathId(ctx, "id");
        var body = Requests.body(ctx, TeamRequest.class);
        ctx.json(teams.update(Requests.user(ctx), id, new TeamsService.Changes(body.name(), body.description())));
    }

    private void delete(Context ctx) {
        teams.delete(Requests.user(ctx), Requests.pathId(ctx, "id"));
        ctx.status(204);
    }

    private void addMembers(Context ctx) {
        var id = Requests.pathId(ctx, "id");
        var body = Requests.body(ctx, AddMembersRequest.class);
        ctx.json(teams.addMembers(Requests.user(ctx), id, body.userIds()));
    }

    private void removeMember(Context ctx) {
        teams.removeMember(Requests.user(ctx), Requests.pathId(ctx, "id"), Requests.pathId(ctx, "userId"));
        ctx.status(204);
    }
}

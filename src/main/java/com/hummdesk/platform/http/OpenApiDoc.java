package com.hummdesk.platform.http;

import io.swagger.v3.core.converter.ModelConverters;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.Paths;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.parameters.RequestBody;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/** The OpenAPI 3 document, generated from the route table and the request/response records. */
public final class OpenApiDoc {
    private static final Pattern PATH_PARAM = Pattern.compile("\\{([^}]+)}");

    /** The shape of every error response. */
    public record ErrorBody(ErrorDetail error) {}

    public record ErrorDetail(String code, String message, Map<String, Object> details) {}

    private OpenApiDoc() {}

    public static String json(Api api, String version) {
        var components = new Components()
                .addSecuritySchemes(
                        "agent",
                        new SecurityScheme()
                                .type(SecurityScheme.Type.HTTP)
                                .scheme("bearer")
                                .bearerFormat("JWT")
                                .description("Access token from POST /api/auth/login"))
                .addSecuritySchemes(
                        "contact",
                        new SecurityScheme()
                                .type(SecurityScheme.Type.HTTP)
                                .scheme("bearer")
                                .description("Contact token from POST /api/public/inboxes/{inbox}/contacts"));
        var openApi = new OpenAPI()
                .info(new Info()
                        .title("HummDesk API")
                        .version(version)
                        .description("AI-native, multi-tenant customer service. Errors always have the shape"
                                + " {\"error\":{\"code\",\"message\",\"details\"}}. Real-time events: socket.io v4"
                                + " at /socket.io/ on this port; see docs/realtime.md."))
                .components(components)
                .paths(new Paths());
        register(components, ErrorBody.class);
        for (var route : api.routes()) {
            var item = openApi.getPaths().computeIfAbsent(route.path(), p -> new PathItem());
            item.operation(PathItem.HttpMethod.valueOf(route.method().name()), operation(route, components));
        }
        return io.swagger.v3.core.util.Json.pretty(openApi);
    }

    private static Operation operation(Api.Route route, Components components) {
        var doc = route.doc();
        var op = new Operation()
                .summary(doc.summary)
                .description(doc.description)
                .addTagsItem(doc.tag)
                .operationId(route.method().name().toLowerCase(java.util.Locale.ROOT)
                        + route.path().replaceAll("[{}]", "").replaceAll("[^A-Za-z0-9]+", "_"));
        var matcher = PATH_PARAM.matcher(route.path());
        while (matcher.find()) {
            op.addParametersItem(new Parameter()
                    .in("path")
                    .name(matcher.group(1))
                    .required(true)
                    .schema(new StringSchema()));
        }
        for (var param : doc.queryParams) {
            op.addParametersItem(new Parameter()
                    .in("query")
                    .name(param.name())
                    .description(param.description())
                    .schema(new StringSchema()));
        }
        if (doc.requestBody != null) {
            op.requestBody(new RequestBody().required(true).content(json(register(components, doc.requestBody))));
        }
        var responses = new ApiResponses();
        var ok = new ApiResponse().description("Success");
        if (doc.response != null) {
            ok.content(json(register(components, doc.response)));
        }
        responses.addApiResponse(Integer.toString(doc.status), ok);
        var error = json(new Schema<>().$ref("#/components/schemas/ErrorBody"));
        responses.addApiResponse(
                "4XX",
                new ApiResponse().description("Bad input, auth or not found").content(error));
        op.responses(responses);
        switch (doc.access) {
            case AGENT -> op.security(List.of(new SecurityRequirement().addList("agent")));
            case CONTACT -> op.security(List.of(new SecurityRequirement().addList("contact")));
            case PUBLIC -> op.security(List.of());
        }
        return op;
    }

    @SuppressWarnings("rawtypes")
    private static Schema register(Components components, Class<?> type) {
        var resolved = ModelConverters.getInstance().readAllAsResolvedSchema(type);
        if (resolved == null || resolved.schema == null) {
            return new Schema<>().type("object");
        }
        resolved.referencedSchemas.forEach(components::addSchemas);
        if (resolved.schema.getName() != null && components.getSchemas().containsKey(resolved.schema.getName())) {
            return new Schema<>().$ref("#/components/schemas/" + resolved.schema.getName());
        }
        return resolved.schema;
    }

    @SuppressWarnings("rawtypes")
    private static Content json(Schema schema) {
        return new Content().addMediaType("application/json", new MediaType().schema(schema));
    }
}

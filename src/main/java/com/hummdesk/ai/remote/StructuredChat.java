package com.hummdesk.ai.remote;

import dev.langchain4j.model.chat.request.json.JsonObjectSchema;
import java.util.Objects;

/**
 * One hosted model asked for one JSON object. Implementations map the request onto their API's structured-output
 * mechanism (a forced tool for Claude, response_format for OpenAI-compatible servers) and throw on transport errors;
 * what comes back is still unchecked model output.
 */
interface StructuredChat {
    Reply complete(Prompt prompt);

    /**
     * System instructions (the account's own configuration only), the user turn (where customer text travels, fenced
     * and marked untrusted), and the output the model must produce: a named object with a JSON schema.
     */
    record Prompt(
            String system,
            String user,
            String outputName,
            String outputDescription,
            JsonObjectSchema schema,
            int maxTokens) {
        public Prompt {
            Objects.requireNonNull(system, "system");
            Objects.requireNonNull(user, "user");
            Objects.requireNonNull(outputName, "outputName");
            Objects.requireNonNull(schema, "schema");
        }

        Prompt withUser(String newUser) {
            return new Prompt(system, newUser, outputName, outputDescription, schema, maxTokens);
        }
    }

    /** The model's JSON text and the model that answered (as the API reported it). */
    record Reply(String json, String model) {}
}

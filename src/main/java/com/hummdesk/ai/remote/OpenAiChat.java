package com.hummdesk.ai.remote;

import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.exception.InvalidRequestException;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.request.ResponseFormat;
import dev.langchain4j.model.chat.request.ResponseFormatType;
import dev.langchain4j.model.chat.request.json.JsonSchema;
import dev.langchain4j.model.openai.OpenAiChatModel;
import dev.langchain4j.model.openai.OpenAiChatRequestParameters;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Any OpenAI-compatible chat-completions server (OpenAI, Ollama, vLLM, LM Studio...). Output is asked for with
 * {@code response_format: json_schema} (strict); a server that rejects that with a 400 is asked again with
 * {@code json_object} (the prompt spells the fields out), and remembered as such so later calls go straight there.
 */
final class OpenAiChat implements StructuredChat {
    static final String DEFAULT_BASE_URL = "https://api.openai.com/v1";
    private static final Logger log = LoggerFactory.getLogger(OpenAiChat.class);

    private final ChatModel model;
    private final String modelName;
    private final AtomicBoolean jsonObjectOnly = new AtomicBoolean();

    OpenAiChat(RemoteSettings settings) {
        this.modelName = settings.model();
        this.model = OpenAiChatModel.builder()
                .httpClientBuilder(JdkTransport.builder(AnthropicChat.connectTimeout(settings.timeout())))
                .baseUrl(settings.baseUrl() == null ? DEFAULT_BASE_URL : settings.baseUrl())
                .apiKey(settings.apiKey())
                .modelName(settings.model())
                .temperature(0.0)
                .strictJsonSchema(true)
                .timeout(settings.timeout())
                .maxRetries(0)
                .build();
    }

    @Override
    public Reply complete(Prompt prompt) {
        if (!jsonObjectOnly.get()) {
            try {
                return send(prompt, true);
            } catch (InvalidRequestException e) {
                if (Failures.status(e) != 400) {
                    throw e;
                }
                var reply = send(prompt, false);
                if (jsonObjectOnly.compareAndSet(false, true)) {
                    log.warn("{} rejects response_format json_schema; asking for json_object from now on", modelName);
                }
                return reply;
            }
        }
        return send(prompt, false);
    }

    private Reply send(Prompt prompt, boolean schema) {
        var format = schema
                ? ResponseFormat.builder()
                        .type(ResponseFormatType.JSON)
                        .jsonSchema(JsonSchema.builder()
                                .name(prompt.outputName())
                                .rootElement(prompt.schema())
                                .build())
                        .build()
                : ResponseFormat.JSON;
        var request = ChatRequest.builder()
                .messages(SystemMessage.from(prompt.system()), UserMessage.from(prompt.user()))
                .parameters(OpenAiChatRequestParameters.builder()
                        .responseFormat(format)
                        .maxOutputTokens(prompt.maxTokens())
                        .build())
                .build();
        var response = model.chat(request);
        var text = response.aiMessage().text();
        if (text == null || text.isBlank()) {
            throw new InvalidOutputException(
                    "empty message content (finish: " + response.metadata().finishReason() + ")");
        }
        var answered = response.metadata().modelName();
        return new Reply(text, answered == null || answered.isBlank() ? modelName : answered);
    }
}

package com.hummdesk.ai.remote;

import dev.langchain4j.agent.tool.ToolSpecification;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.anthropic.AnthropicChatModel;
import dev.langchain4j.model.anthropic.AnthropicChatRequestParameters;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import java.time.Duration;

/**
 * Claude's Messages API through langchain4j: the instructions go in {@code system}, customer text in the one user
 * message, and the output is a tool call forced with {@code tool_choice: {type: tool}} so the answer is the tool's
 * input, shaped by its JSON schema. langchain4j's own retries are off: {@link RemoteProvider} retries.
 */
final class AnthropicChat implements StructuredChat {
    static final String DEFAULT_BASE_URL = "https://api.anthropic.com";

    private final ChatModel model;
    private final String modelName;

    AnthropicChat(RemoteSettings settings) {
        this.modelName = settings.model();
        this.model = AnthropicChatModel.builder()
                .httpClientBuilder(JdkTransport.builder(connectTimeout(settings.timeout())))
                .baseUrl(messagesBase(settings.baseUrl() == null ? DEFAULT_BASE_URL : settings.baseUrl()))
                .apiKey(settings.apiKey())
                .modelName(settings.model())
                .temperature(0.0)
                .timeout(settings.timeout())
                .maxRetries(0)
                .build();
    }

    @Override
    public Reply complete(Prompt prompt) {
        var tool = ToolSpecification.builder()
                .name(prompt.outputName())
                .description(prompt.outputDescription())
                .parameters(prompt.schema())
                .build();
        var request = ChatRequest.builder()
                .messages(SystemMessage.from(prompt.system()), UserMessage.from(prompt.user()))
                .parameters(AnthropicChatRequestParameters.builder()
                        .toolSpecifications(tool)
                        .toolChoiceName(prompt.outputName())
                        .maxOutputTokens(prompt.maxTokens())
                        .build())
                .build();
        var response = model.chat(request);
        var call = response.aiMessage().toolExecutionRequests().stream()
                .filter(r -> prompt.outputName().equals(r.name()))
                .findFirst()
                .orElseThrow(() -> new InvalidOutputException("no " + prompt.outputName() + " tool call (finish: "
                        + response.metadata().finishReason() + ")"));
        var answered = response.metadata().modelName();
        return new Reply(call.arguments(), answered == null || answered.isBlank() ? modelName : answered);
    }

    /**
     * ANTHROPIC_BASE_URL follows the official SDKs (the host, e.g. https://api.anthropic.com); langchain4j wants the
     * versioned prefix it appends "messages" to.
     */
    static String messagesBase(String baseUrl) {
        var base = baseUrl.strip();
        while (base.endsWith("/")) {
            base = base.substring(0, base.length() - 1);
        }
        return base.endsWith("/v1") ? base + "/" : base + "/v1/";
    }

    /** Connecting is quick or broken: waiting the whole call timeout for a refused or black-holed host wastes it. */
    static Duration connectTimeout(Duration timeout) {
        return timeout.compareTo(Duration.ofSeconds(5)) < 0 ? timeout : Duration.ofSeconds(5);
    }
}

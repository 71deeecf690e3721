package com.hummdesk.ai.remote;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A local HTTP server speaking a provider's wire format: answers are queued (the last one repeats), every request is
 * recorded with its headers and JSON body so tests can check what was sent where.
 */
final class WireStub implements AutoCloseable {
    static final ObjectMapper JSON = new ObjectMapper();

    record Answer(int status, Map<String, String> headers, String body, long delayMillis) {
        static Answer ok(String body) {
            return new Answer(200, Map.of(), body, 0);
        }

        static Answer status(int status, String body, Map<String, String> headers) {
            return new Answer(status, headers, body, 0);
        }

        Answer delayed(long millis) {
            return new Answer(status, headers, body, millis);
        }
    }

    record Received(String method, String path, Map<String, List<String>> headers, JsonNode body) {
        String header(String name) {
            return headers.entrySet().stream()
                    .filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> e.getValue().getFirst())
                    .findFirst()
                    .orElse(null);
        }
    }

    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final Deque<Answer> answers = new ArrayDeque<>();
    private final List<Received> received = new ArrayList<>();

    WireStub() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/", this::handle);
        server.setExecutor(executor);
        server.start();
    }

    String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** From now on, answers these in order, the last one repeating. */
    synchronized WireStub answer(Answer... next) {
        answers.clear();
        answers.addAll(List.of(next));
        return this;
    }

    synchronized List<Received> received() {
        return List.copyOf(received);
    }

    private void handle(HttpExchange exchange) throws IOException {
        Answer answer;
        try (exchange) {
            var body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            synchronized (this) {
                received.add(new Received(
                        exchange.getRequestMethod(),
                        exchange.getRequestURI().getPath(),
                        Map.copyOf(exchange.getRequestHeaders()),
                        body.isEmpty() ? JSON.createObjectNode() : JSON.readTree(body)));
                answer = answers.size() > 1 ? answers.removeFirst() : answers.peekFirst();
            }
            if (answer == null) {
                answer = Answer.status(500, "{\"error\":\"no answer queued\"}", Map.of());
            }
            if (answer.delayMillis() > 0) {
                try {
                    Thread.sleep(answer.delayMillis());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
            var bytes = answer.body().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("content-type", "application/json");
            answer.headers().forEach((k, v) -> exchange.getResponseHeaders().set(k, v));
            exchange.sendResponseHeaders(answer.status(), bytes.length);
            exchange.getResponseBody().write(bytes);
        } catch (IOException e) {
            // the client gave up (timeout tests): nothing to answer
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    // --- Anthropic Messages API -------------------------------------------------------------------------------

    /** A recorded-style Messages API answer whose only content block is the forced tool call. */
    static String anthropicToolUse(String tool, String inputJson) {
        return """
                {"id":"msg_01XFDUDYJgAACzvnptvVoYEL","type":"message","role":"assistant",
                 "model":"claude-sonnet-4-5-20250929",
                 "content":[{"type":"tool_use","id":"toolu_01A09q90qw90lq917835lq9","name":"%s","input":%s}],
                 "stop_reason":"tool_use","stop_sequence":null,
                 "usage":{"input_tokens":812,"cache_creation_input_tokens":0,"cache_read_input_tokens":0,
                          "output_tokens":96,"service_tier":"standard"}}
                """.formatted(tool, inputJson);
    }

    /** The model chatting instead of calling the tool. */
    static String anthropicText(String text) {
        ObjectNode node = JSON.createObjectNode();
        node.put("id", "msg_013Zva2CMHLNnXjNJJKqJ2EF")
                .put("type", "message")
                .put("role", "assistant")
                .put("model", "claude-sonnet-4-5-20250929")
                .put("stop_reason", "end_turn")
                .putNull("stop_sequence");
        node.putArray("content").addObject().put("type", "text").put("text", text);
        node.putObject("usage").put("input_tokens", 700).put("output_tokens", 20);
        return node.toString();
    }

    static String anthropicError(String type, String message) {
        return "{\"type\":\"error\",\"error\":{\"type\":\"" + type + "\",\"message\":\"" + message + "\"}}";
    }

    // --- OpenAI chat completions ---------------------------------------------------------------------------------

    static String openAiCompletion(String model, String content) {
        ObjectNode node = JSON.createObjectNode();
        node.put("id", "chatcmpl-B9MHDbslfkBeAs8l4bebGdFOJ6PeG")
                .put("object", "chat.completion")
                .put("created", 1741570283)
                .put("model", model);
        var choice = node.putArray("choices").addObject();
        choice.put("index", 0);
        choice.putObject("message")
                .put("role", "assistant")
                .put("content", content)
                .putNull("refusal");
        choice.putNull("logprobs");
        choice.put("finish_reason", "stop");
        node.putObject("usage")
                .put("prompt_tokens", 1117)
                .put("completion_tokens", 46)
                .put("total_tokens", 1163);
        node.put("system_fingerprint", "fp_06737a9306");
        return node.toString();
    }

    static String openAiError(String type, String message, String param) {
        ObjectNode node = JSON.createObjectNode();
        node.putObject("error")
                .put("message", message)
                .put("type", type)
                .put("param", param)
                .putNull("code");
        return node.toString();
    }
}

package com.hummdesk.realtime;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.hummdesk.platform.http.Json;
import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Real socket.io clients: the stock {@code socket.io-client} v4 from npm, run by {@code src/test/node/clients.js}
 * in one Node process. Commands go to its stdin as JSON lines; everything the clients observe comes back as JSON
 * lines ({@code {id, type, ...}}) and is kept in order. Registered as a JUnit extension ({@code @RegisterExtension
 * static final NodeClients clients = new NodeClients();}) it starts before the class's tests and stops after them.
 */
final class NodeClients implements AutoCloseable, BeforeAllCallback, AfterAllCallback {
    private static final Path DIR = Path.of("src/test/node").toAbsolutePath();
    private static final Duration WAIT = Duration.ofSeconds(15);
    private static boolean installed;

    private final List<JsonNode> seen = new CopyOnWriteArrayList<>();
    private final AtomicInteger seq = new AtomicInteger();
    private Process process;
    private Writer stdin;
    private Thread reader;

    @Override
    public void beforeAll(ExtensionContext context) {
        start();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        close();
    }

    /** Started now, for tests that manage its lifetime themselves. */
    static NodeClients started() {
        var clients = new NodeClients();
        clients.start();
        return clients;
    }

    void start() {
        install();
        try {
            process = new ProcessBuilder("node", "clients.js")
                    .directory(DIR.toFile())
                    .redirectError(ProcessBuilder.Redirect.INHERIT)
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot start node (Node 20+ must be installed)", e);
        }
        stdin = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
        reader = Thread.ofPlatform().daemon().name("node-clients").start(this::read);
        await(line -> "ready".equals(line.path("type").asText()), WAIT);
    }

    /** {@code npm ci} once per machine (node_modules is not committed; package-lock.json is). */
    private static synchronized void install() {
        if (installed || Files.isDirectory(DIR.resolve("node_modules/socket.io-client"))) {
            installed = true;
            return;
        }
        try {
            // Never inherit the test JVM's stdin/stdout: they are Surefire's command channel, and npm reading or
            // writing them corrupts it (CI failed with "std/in stream corrupted" on a clean checkout).
            var log = Files.createTempFile("hummdesk-npm-ci", ".log");
            var npm = new ProcessBuilder("npm", "ci", "--no-audit", "--no-fund")
                    .directory(DIR.toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile())
                    .start();
            if (!npm.waitFor(5, TimeUnit.MINUTES) || npm.exitValue() != 0) {
                throw new IllegalStateException("npm ci failed in " + DIR + ":\n" + Files.readString(log));
            }
            installed = true;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot run npm (Node 20+ and npm must be installed)", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private void read() {
        try (var lines = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = lines.readLine()) != null) {
                var node = Json.mapper().readTree(line);
                seen.add(node);
                synchronized (seen) {
                    seen.notifyAll();
                }
            }
        } catch (IOException e) {
            // The process ended.
        }
    }

    void connect(String id, String url, Map<String, ?> auth) {
        connect(id, url, auth, Map.of());
    }

    /** {@code auth == null} connects without an auth payload at all. */
    void connect(String id, String url, Map<String, ?> auth, Map<String, ?> options) {
        var command = command("connect", id).put("url", url);
        if (auth != null) {
            command.set("auth", Json.mapper().valueToTree(auth));
        }
        command.set("options", Json.mapper().valueToTree(options));
        send(command);
    }

    /** Emits without an ack. */
    void emit(String id, String event, Object data) {
        var command = command("emit", id).put("event", event);
        command.set("data", Json.mapper().valueToTree(data));
        send(command);
    }

    /** Emits with an ack callback; returns the sequence number its "ack" line carries. */
    int emitWithAck(String id, String event, Object data) {
        int n = seq.incrementAndGet();
        var command = command("emit", id).put("event", event).put("ack", true).put("seq", n);
        command.set("data", Json.mapper().valueToTree(data));
        send(command);
        return n;
    }

    void close(String id) {
        send(command("close", id));
    }

    /** A bare websocket speaking engine.io, which sends {@code frames} once the server's open packet arrived. */
    void raw(String id, String url, List<String> frames) {
        var command = command("raw", id).put("url", url);
        command.set("send", Json.mapper().valueToTree(frames));
        send(command);
    }

    void rawSend(String id, String frame) {
        send(command("rawSend", id).put("data", frame));
    }

    JsonNode state() {
        int before = seen.size();
        send(Json.mapper().createObjectNode().put("cmd", "state"));
        return awaitFrom(before, line -> "state".equals(line.path("type").asText()), WAIT);
    }

    /** How many observations there are so far: pass to {@link #awaitFrom} to wait only for newer ones. */
    int mark() {
        return seen.size();
    }

    JsonNode await(String id, String type) {
        return await(id, type, WAIT);
    }

    JsonNode await(String id, String type, Duration timeout) {
        return await(
                line -> id.equals(line.path("id").asText())
                        && type.equals(line.path("type").asText()),
                timeout);
    }

    /** The first observation with this id whose event has this name. */
    JsonNode awaitEvent(String id, String event) {
        return await(line -> isEvent(line, id, event), WAIT);
    }

    JsonNode awaitAck(String id, int seqNumber) {
        return await(
                line -> id.equals(line.path("id").asText())
                        && "ack".equals(line.path("type").asText())
                        && line.path("seq").asInt() == seqNumber,
                WAIT);
    }

    JsonNode await(Predicate<JsonNode> match, Duration timeout) {
        return awaitFrom(0, match, timeout);
    }

    JsonNode awaitFrom(int from, Predicate<JsonNode> match, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        // Each line is tested once: the reader thread needs this monitor to add lines, and a scan from the start
        // on every wake-up (thousands of lines in the hundred-client test) kept it waiting until Node's stdout
        // pipe filled and the clients themselves stalled.
        int next = from;
        synchronized (seen) {
            while (true) {
                for (; next < seen.size(); next++) {
                    if (match.test(seen.get(next))) {
                        return seen.get(next);
                    }
                }
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new AssertionError("Timed out after " + timeout + "; the clients saw:\n"
                            + String.join(
                                    "\n", seen.stream().map(JsonNode::toString).toList()));
                }
                try {
                    seen.wait(Math.max(1, TimeUnit.NANOSECONDS.toMillis(left)));
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new AssertionError(e);
                }
            }
        }
    }

    /** Every observation so far for a client. */
    List<JsonNode> of(String id) {
        return seen.stream().filter(line -> id.equals(line.path("id").asText())).toList();
    }

    /** The events (server emits) a client received so far, optionally only one name. */
    List<JsonNode> events(String id, String event) {
        return seen.stream().filter(line -> isEvent(line, id, event)).toList();
    }

    List<JsonNode> all() {
        return List.copyOf(seen);
    }

    private static boolean isEvent(JsonNode line, String id, String event) {
        return id.equals(line.path("id").asText())
                && "event".equals(line.path("type").asText())
                && (event == null || event.equals(line.path("event").asText()));
    }

    private static ObjectNode command(String cmd, String id) {
        return Json.mapper().createObjectNode().put("cmd", cmd).put("id", id);
    }

    private void send(JsonNode command) {
        try {
            synchronized (stdin) {
                stdin.write(command.toString());
                stdin.write('\n');
                stdin.flush();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        try {
            send(Json.mapper().createObjectNode().put("cmd", "exit"));
        } catch (UncheckedIOException alreadyGone) {
            // fine
        }
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
            reader.join(2_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }
}

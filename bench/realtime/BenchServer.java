import com.hummdesk.App;
import com.hummdesk.platform.config.AppConfig;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;

/**
 * The benchmark's server: the real App (production composition root, configured from the environment like the
 * jar), plus a stdin console the bench script drives. Run with the shaded jar on the class path:
 * {@code java -Xmx1g -cp target/hummdesk.jar bench/realtime/BenchServer.java}.
 *
 * <p>Commands: {@code stats} prints sockets, heap after a full GC and RSS as JSON; {@code broadcast ACCOUNT COUNT
 * INTERVAL_MS} emits COUNT {@code message:new} events to the account, each stamped with the wall-clock time of
 * the emit call ({@code sentAt}, epoch milliseconds with microseconds), then {@code bench:end}; {@code quit}.
 */
public final class BenchServer {
    public static void main(String[] args) throws Exception {
        var app = new App(AppConfig.fromEnv()).start();
        System.out.println("{\"ready\":true,\"port\":" + app.port() + "}");
        var in = new BufferedReader(new InputStreamReader(System.in));
        String line;
        while ((line = in.readLine()) != null) {
            var words = line.trim().split("\\s+");
            switch (words[0]) {
                case "stats" -> System.out.println(stats());
                case "broadcast" -> broadcast(app, Long.parseLong(words[1]), Integer.parseInt(words[2]), Long.parseLong(words[3]));
                case "quit" -> {
                    app.close();
                    System.exit(0);
                }
                default -> System.out.println("{\"error\":\"unknown command\"}");
            }
        }
        app.close();
    }

    private static void broadcast(App app, long account, int count, long intervalMillis) throws Exception {
        for (int i = 0; i < WARMUP; i++) { // JIT and first-use costs, not measured by the clients
            app.realtime().emitToAccount(account, "message:new", Map.of("n", -1 - i, "warmup", true, "sentAt", 0));
            Thread.sleep(intervalMillis);
        }
        long slowestEmitNanos = 0;
        for (int i = 0; i < count; i++) {
            var now = Instant.now();
            double sentAt = now.getEpochSecond() * 1_000.0 + now.getNano() / 1_000_000.0;
            long started = System.nanoTime();
            app.realtime().emitToAccount(account, "message:new", Map.of("n", i, "sentAt", sentAt));
            slowestEmitNanos = Math.max(slowestEmitNanos, System.nanoTime() - started);
            Thread.sleep(intervalMillis);
        }
        app.realtime().emitToAccount(account, "bench:end", Map.of("count", count));
        Thread.sleep(1_000);
        System.out.println("{\"broadcastDone\":" + count + ",\"slowestEmitCallMicros\":" + slowestEmitNanos / 1_000
                + ",\"serverDelivery\":\"" + metrics(app.port(), "realtime_broadcast_delivery_seconds")
                + "\",\"disconnects\":\"" + metrics(app.port(), "realtime_disconnects_total") + "\"}");
    }

    private static final int WARMUP = 20;

    /** Lines of the app's own /metrics (e.g. the fan-out time, emit to last socket handed the frame). */
    private static String metrics(int port, String prefix) throws Exception {
        var request = java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://127.0.0.1:" + port + "/metrics"))
                .build();
        var body = java.net.http.HttpClient.newHttpClient()
                .send(request, java.net.http.HttpResponse.BodyHandlers.ofString())
                .body();
        return String.join(" ", body.lines()
                .filter(l -> l.startsWith(prefix))
                .map(l -> l.replace("\"", "'"))
                .toList());
    }

    private static String stats() throws Exception {
        System.gc();
        Thread.sleep(500);
        System.gc();
        var heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
        long rssKb = Files.readAllLines(Path.of("/proc/self/status")).stream()
                .filter(l -> l.startsWith("VmRSS:"))
                .mapToLong(l -> Long.parseLong(l.replaceAll("[^0-9]", "")))
                .findFirst()
                .orElse(-1);
        long fds;
        try (var list = Files.list(Path.of("/proc/self/fd"))) {
            fds = list.count();
        }
        return "{\"heapUsedAfterGcMb\":" + heap.getUsed() / (1024 * 1024) + ",\"heapMaxMb\":"
                + heap.getMax() / (1024 * 1024) + ",\"rssMb\":" + rssKb / 1024 + ",\"openFds\":" + fds
                + ",\"threads\":" + Thread.activeCount() + "}";
    }
}

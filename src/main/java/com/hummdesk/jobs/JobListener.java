package com.hummdesk.jobs;

import com.hummdesk.platform.config.DatabaseUrl;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import org.postgresql.PGConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * LISTENs for new jobs on a dedicated connection (outside the pool: it is held for the worker's lifetime) and wakes
 * the dispatcher on each notification. If the connection drops it reconnects with backoff; meanwhile the dispatcher
 * still polls, so jobs are only slower to start, never lost.
 */
final class JobListener {
    private static final Logger log = LoggerFactory.getLogger(JobListener.class);
    private static final int WAIT_MILLIS = 250;
    private static final long MAX_RECONNECT_DELAY_MILLIS = 10_000;
    // A silently vanished server never errors a blocked read: ask it something now and then.
    private static final long PING_EVERY_MILLIS = 30_000;

    private final DatabaseUrl url;
    private final Wakeup wakeup;
    private volatile boolean running;
    private Thread thread;

    JobListener(DatabaseUrl url, Wakeup wakeup) {
        this.url = url;
        this.wakeup = wakeup;
    }

    void start() {
        running = true;
        thread = Thread.ofPlatform().name("jobs-listener").daemon().start(this::loop);
    }

    void stop() throws InterruptedException {
        running = false;
        if (thread != null) {
            thread.join(Math.max(1_000, 4L * WAIT_MILLIS));
        }
    }

    private void loop() {
        long reconnectDelay = 100;
        while (running) {
            try (var connection = DriverManager.getConnection(url.jdbcUrl(), url.user(), url.password())) {
                listen(connection);
                reconnectDelay = 100;
            } catch (SQLException e) {
                if (!running) {
                    return;
                }
                log.warn("Job notifications unavailable ({}); polling until reconnected", e.getMessage());
                sleep(reconnectDelay);
                reconnectDelay = Math.min(MAX_RECONNECT_DELAY_MILLIS, reconnectDelay * 2);
            }
        }
    }

    private void listen(Connection connection) throws SQLException {
        try (var statement = connection.createStatement()) {
            statement.execute("LISTEN " + JobRepository.CHANNEL);
        }
        // Jobs enqueued while not listening got no one's notification.
        wakeup.signal();
        var pg = connection.unwrap(PGConnection.class);
        long lastHeard = System.nanoTime();
        while (running) {
            var notifications = pg.getNotifications(WAIT_MILLIS);
            if (notifications != null && notifications.length > 0) {
                wakeup.signal();
                lastHeard = System.nanoTime();
            } else if ((System.nanoTime() - lastHeard) / 1_000_000 > PING_EVERY_MILLIS) {
                if (!connection.isValid(5)) {
                    throw new SQLException("the notification connection stopped answering");
                }
                lastHeard = System.nanoTime();
            }
        }
    }

    private void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }
}

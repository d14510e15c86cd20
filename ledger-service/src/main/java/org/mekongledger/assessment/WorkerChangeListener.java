package org.mekongledger.assessment;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Properties;

import org.mekongledger.ledger.WorkerChanges;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.jdbc.autoconfigure.DataSourceProperties;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Listens for the workers any replica changed and forgets their cached histories. One dedicated
 * connection outside the pool (LISTEN holds it), read by a daemon thread; after losing it the
 * thread reconnects with a growing pause and forgets every cached history, since announcements
 * made meanwhile are lost. The cache's time limit bounds staleness should all of this fail.
 */
@Component
class WorkerChangeListener implements SmartLifecycle {

    private static final Logger LOG = LoggerFactory.getLogger(WorkerChangeListener.class);
    private static final int WAIT_MILLIS = 5_000;
    private static final Duration LONGEST_PAUSE = Duration.ofSeconds(30);

    private final WorkerHistoryCache cache;
    private final String url;
    private final Properties credentials = new Properties();
    private volatile boolean running;
    private volatile boolean listening;
    private volatile Connection connection;
    private Thread thread;

    /** The service's own data source settings: the listener connects as the service does, outside the pool. */
    WorkerChangeListener(WorkerHistoryCache cache, DataSourceProperties dataSource) {
        this.cache = cache;
        this.url = dataSource.determineUrl();
        String password = dataSource.determinePassword();
        credentials.setProperty("user", dataSource.determineUsername());
        credentials.setProperty("password", password == null ? "" : password);
        credentials.setProperty("ApplicationName", "mekong-ledger-listener");
        credentials.setProperty("tcpKeepAlive", "true");
    }

    @Override
    public synchronized void start() {
        running = true;
        thread = new Thread(this::listen, "worker-change-listener");
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    public synchronized void stop() {
        running = false;
        closeQuietly();
        if (thread != null) {
            thread.interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Whether announcements are being received now (for health and tests). */
    boolean isListening() {
        return listening;
    }

    private void listen() {
        Duration pause = Duration.ofMillis(200);
        while (running) {
            try (Connection open = DriverManager.getConnection(url, credentials)) {
                connection = open;
                try (Statement statement = open.createStatement()) {
                    statement.execute("listen " + WorkerChanges.CHANNEL);
                }
                // whatever changed while nobody listened is unknown: start afresh
                cache.forgetAll();
                listening = true;
                pause = Duration.ofMillis(200);
                PGConnection notifications = open.unwrap(PGConnection.class);
                while (running) {
                    PGNotification[] received = notifications.getNotifications(WAIT_MILLIS);
                    if (received == null || received.length == 0) {
                        try (Statement probe = open.createStatement()) {
                            probe.execute("select 1"); // a silently dropped connection shows here
                        }
                        continue;
                    }
                    for (PGNotification notification : received) {
                        cache.forget(new WorkerId(notification.getParameter()));
                    }
                }
            } catch (SQLException | RuntimeException lost) {
                if (running) {
                    LOG.warn("Lost the worker-change announcements ({}); reconnecting in {} ms",
                            lost.getClass().getSimpleName(), pause.toMillis());
                }
            } finally {
                listening = false;
                connection = null;
            }
            if (running) {
                try {
                    Thread.sleep(pause.toMillis());
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                    return;
                }
                pause = pause.multipliedBy(2).compareTo(LONGEST_PAUSE) > 0 ? LONGEST_PAUSE : pause.multipliedBy(2);
            }
        }
    }

    private void closeQuietly() {
        Connection open = connection;
        if (open != null) {
            try {
                open.close();
            } catch (SQLException ignored) {
                // closing only to wake the thread
            }
        }
    }
}

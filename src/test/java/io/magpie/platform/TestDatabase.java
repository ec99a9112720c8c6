package io.magpie.platform;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.AtomicInteger;
import org.flywaydb.core.Flyway;

/**
 * One real PostgreSQL per test JVM. The schema is migrated once into a template database; every
 * Spring context gets its own database cloned from it ({@code CREATE DATABASE … TEMPLATE}), which
 * takes milliseconds instead of a server start and a full migration per context.
 *
 * <p>Set {@code MAGPIE_TEST_DATABASE_URL} (e.g. {@code jdbc:postgresql://127.0.0.1:5432/postgres?user=postgres})
 * to run the same suite against an external server instead.
 */
public final class TestDatabase {

    private static final String TEMPLATE = "magpie_test_template";
    private static final AtomicInteger COUNTER = new AtomicInteger();
    private static String adminUrl;
    private static EmbeddedPostgres embedded;

    private TestDatabase() {}

    /** A JDBC URL of a fresh, fully migrated database of its own. */
    public static synchronized String freshDatabaseUrl() {
        ensureTemplate();
        String name = "magpie_test_" + ProcessHandle.current().pid() + "_" + COUNTER.incrementAndGet();
        execute(adminUrl, "create database " + name + " template " + TEMPLATE);
        return withDatabase(adminUrl, name);
    }

    /** A JDBC URL of a fresh, empty database (no migrations), for tests of the migration itself. */
    public static synchronized String emptyDatabaseUrl() {
        ensureTemplate();
        String name = "magpie_empty_" + ProcessHandle.current().pid() + "_" + COUNTER.incrementAndGet();
        execute(adminUrl, "create database " + name);
        return withDatabase(adminUrl, name);
    }

    /**
     * An empty database on the machine's PostgreSQL server ({@code MAGPIE_LOCAL_PG_URL}, default
     * {@code jdbc:postgresql://127.0.0.1:5432/postgres?user=postgres}); the application migrates it.
     */
    public static synchronized String freshLocalServerDatabaseUrl() {
        String server = System.getenv()
                .getOrDefault("MAGPIE_LOCAL_PG_URL", "jdbc:postgresql://127.0.0.1:5432/postgres?user=postgres");
        dropLeftovers(server);
        String name = "magpie_ext_" + ProcessHandle.current().pid() + "_" + COUNTER.incrementAndGet();
        execute(server, "create database " + name);
        return withDatabase(server, name);
    }

    private static void ensureTemplate() {
        if (adminUrl != null) {
            return;
        }
        String external = System.getenv("MAGPIE_TEST_DATABASE_URL");
        if (external != null && !external.isBlank()) {
            adminUrl = external;
        } else {
            try {
                embedded = EmbeddedPostgres.builder()
                        .setRegisterShutdownHook(false)
                        .setServerConfig("max_connections", "300")
                        .setServerConfig("fsync", "off")
                        .setServerConfig("synchronous_commit", "off")
                        .setServerConfig("full_page_writes", "off")
                        .start();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            adminUrl = embedded.getJdbcUrl("postgres", "postgres");
            // a Spring shutdown handler runs after every application context has closed; a JVM hook
            // (ours or the library's) would stop the server while contexts still use it: the event
            // publication registry queries it on close and then waits 30 s for a connection
            org.springframework.boot.SpringApplication.getShutdownHandlers().add(() -> {
                try {
                    embedded.close();
                } catch (IOException ignored) {
                    // the JVM is going away
                }
            });
        }
        String template = TEMPLATE;
        execute(adminUrl, "drop database if exists " + template);
        execute(adminUrl, "create database " + template);
        Flyway.configure()
                .dataSource(withDatabase(adminUrl, template), null, null)
                .locations("classpath:db/migration")
                .outOfOrder(true)
                .load()
                .migrate();
    }

    /** Drops databases that earlier test JVMs (no longer alive) left on the shared server. */
    private static void dropLeftovers(String server) {
        try (Connection c = DriverManager.getConnection(server);
                Statement s = c.createStatement();
                var rs = s.executeQuery("select datname from pg_database where datname like 'magpie\\_ext\\_%'")) {
            var stale = new java.util.ArrayList<String>();
            while (rs.next()) {
                String name = rs.getString(1);
                long pid = Long.parseLong(name.split("_")[2]);
                if (ProcessHandle.of(pid).isEmpty()) {
                    stale.add(name);
                }
            }
            for (String name : stale) {
                s.execute("drop database if exists " + name);
            }
        } catch (SQLException | RuntimeException e) {
            // best effort: a leftover database costs disk space, not correctness
        }
    }

    static String withDatabase(String url, String database) {
        int slash = url.indexOf('/', "jdbc:postgresql://".length());
        int query = url.indexOf('?', slash);
        return url.substring(0, slash + 1) + database + (query < 0 ? "" : url.substring(query));
    }

    private static void execute(String url, String sql) {
        try (Connection c = DriverManager.getConnection(url);
                Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot run '" + sql + "' on the test server", e);
        }
    }
}

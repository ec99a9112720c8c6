package io.magpie.flashsale;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Magpie's packaged jar running in a JVM of its own (the same {@code java} as the test), on a free
 * port, against a database of the machine's PostgreSQL; its output goes to a file under
 * {@code target/it-logs/}. For the tests that kill a node or run several.
 */
final class MagpieProcess implements AutoCloseable {

    static final Path JAR = Path.of(System.getProperty("magpie.jar", "target/magpie.jar"));
    static final Path LOGS = Path.of(System.getProperty("magpie.it-logs", "target/it-logs"));
    private static final HttpClient PROBE =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    final String name;
    final String nodeId;
    final Path log;
    private final List<String> command;
    private Process process;
    private int port;
    private int starts;

    private MagpieProcess(String name, String nodeId, List<String> command) {
        this.name = name;
        this.nodeId = nodeId;
        this.log = LOGS.resolve(name + ".log");
        this.command = command;
    }

    /**
     * A node (not started) with flash-sale and API rate limits off, so the load is decided by the
     * sale alone; {@code args} are more {@code --name=value} properties.
     */
    static MagpieProcess node(String name, String nodeId, String jdbcUrl, String apiKey, String... args) {
        if (!Files.isRegularFile(JAR)) {
            throw new IllegalStateException(JAR.toAbsolutePath() + " is missing: run `mvn package` first");
        }
        String java = ProcessHandle.current().info().command().orElse("java");
        List<String> cmd = new ArrayList<>(List.of(
                java,
                "-Xmx384m",
                "-XX:TieredStopAtLevel=1",
                "-XX:+UseSerialGC",
                "-Xss512k",
                "-jar",
                JAR.toAbsolutePath().toString(),
                "--spring.datasource.url=" + jdbcUrl,
                "--spring.datasource.username=postgres",
                "--magpie.data-dir=" + LOGS.resolve(name + "-data").toAbsolutePath(),
                "--magpie.bootstrap.api-key=" + apiKey,
                "--magpie.bootstrap.owner-password=it-owner-password",
                "--magpie.api.rate-limit.requests-per-second=0",
                "--magpie.flashsale.rate-limit.customer-per-second=0",
                "--magpie.flashsale.rate-limit.ip-per-second=0",
                "--magpie.flashsale.node-id=" + nodeId,
                "--spring.main.banner-mode=off"));
        cmd.addAll(List.of(args));
        return new MagpieProcess(name, nodeId, cmd);
    }

    /** Starts the JVM on a new free port; {@link #awaitReady} waits for it. */
    MagpieProcess start() {
        try {
            Files.createDirectories(LOGS);
            port = freePort();
            List<String> cmd = new ArrayList<>(command);
            cmd.add("--server.port=" + port);
            // a new log for a new node object; a restart appends to it
            Files.writeString(
                    log,
                    "\n===== starting " + name + " on port " + port + ": " + String.join(" ", cmd) + "\n",
                    StandardCharsets.UTF_8,
                    java.nio.file.StandardOpenOption.CREATE,
                    starts++ == 0
                            ? java.nio.file.StandardOpenOption.TRUNCATE_EXISTING
                            : java.nio.file.StandardOpenOption.APPEND);
            process = new ProcessBuilder(cmd)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .start();
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Waits until the node answers its readiness probe; fails with the log's tail if it dies or takes too long. */
    MagpieProcess awaitReady(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new AssertionError(
                        name + " exited during start-up (status " + process.exitValue() + ")\n" + tail());
            }
            try {
                var r = PROBE.send(
                        HttpRequest.newBuilder(URI.create(base() + "/actuator/health/readiness"))
                                .timeout(Duration.ofSeconds(2))
                                .build(),
                        HttpResponse.BodyHandlers.discarding());
                if (r.statusCode() == 200) {
                    return this;
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            sleep(250);
        }
        throw new AssertionError(name + " was not ready after " + timeout + "\n" + tail());
    }

    String base() {
        return "http://127.0.0.1:" + port;
    }

    boolean alive() {
        return process != null && process.isAlive();
    }

    /** {@code kill -9}: no shutdown hook, no graceful stop, whatever was in memory is lost. */
    void killHard() {
        process.destroyForcibly();
        waitFor();
    }

    /** A graceful stop (SIGTERM), then SIGKILL if it takes more than 30 s. */
    void stop() {
        if (!alive()) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
        waitFor();
    }

    private void waitFor() {
        try {
            process.waitFor(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Whether this node's log (of this test run) has a line containing {@code text}. */
    boolean logContains(String text) {
        try {
            return Files.readString(log, StandardCharsets.UTF_8).contains(text);
        } catch (IOException e) {
            return false;
        }
    }

    /** The last 60 lines of this node's log, for failure messages. */
    String tail() {
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            return "----- last lines of " + log + " -----\n"
                    + String.join("\n", lines.subList(Math.max(0, lines.size() - 60), lines.size()));
        } catch (IOException e) {
            return "(no log at " + log + ": " + e + ")";
        }
    }

    @Override
    public void close() {
        stop();
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            s.setReuseAddress(true);
            return s.getLocalPort();
        }
    }

    static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}

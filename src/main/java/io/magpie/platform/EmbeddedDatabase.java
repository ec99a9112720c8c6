package io.magpie.platform;

import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The zero-setup default: when no {@code spring.datasource.url} is configured, Magpie runs a real
 * PostgreSQL of its own with its data under {@code magpie.data-dir} (default {@code ./data}), kept
 * across restarts.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnExpression("'${spring.datasource.url:}'.isEmpty()")
class EmbeddedDatabase {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabase.class);

    @Bean(destroyMethod = "close")
    EmbeddedPostgres embeddedPostgres(
            @Value("${magpie.data-dir:./data}") String dataDir, @Value("${magpie.db.embedded-port:0}") int port)
            throws IOException {
        Path pgData = Path.of(dataDir, "postgres").toAbsolutePath();
        Files.createDirectories(pgData);
        log.info("Starting embedded PostgreSQL with data in {}", pgData);
        var builder = EmbeddedPostgres.builder()
                .setDataDirectory(pgData)
                .setCleanDataDirectory(false)
                // Spring stops it (destroyMethod) after everything that uses the database; zonky's own JVM
                // hook would stop it concurrently, before the event registry's last query, and shutdown
                // would then hang for the pool's connection timeout
                .setRegisterShutdownHook(false)
                .setPGStartupWait(Duration.ofSeconds(60))
                .setServerConfig("max_connections", "200")
                .setServerConfig("shared_buffers", "256MB");
        if (port > 0) {
            builder.setPort(port);
        }
        return builder.start();
    }

    @Bean(destroyMethod = "close")
    DataSource dataSource(
            EmbeddedPostgres pg, @Value("${spring.datasource.hikari.maximum-pool-size:20}") int poolSize) {
        ensureDatabase(pg.getPostgresDatabase(), "magpie");
        HikariDataSource ds = new HikariDataSource();
        ds.setJdbcUrl(pg.getJdbcUrl("postgres", "magpie") + "&reWriteBatchedInserts=true");
        ds.setMaximumPoolSize(poolSize);
        ds.setPoolName("magpie-embedded");
        return ds;
    }

    private static void ensureDatabase(DataSource admin, String name) {
        try (Connection c = admin.getConnection();
                ResultSet rs =
                        c.createStatement().executeQuery("select 1 from pg_database where datname = '" + name + "'")) {
            if (!rs.next()) {
                c.createStatement().execute("create database " + name);
            }
        } catch (SQLException e) {
            throw new UncheckedIOException(new IOException("cannot prepare the embedded database", e));
        }
    }
}

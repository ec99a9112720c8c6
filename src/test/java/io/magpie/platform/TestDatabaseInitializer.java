package io.magpie.platform;

import java.util.Map;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/**
 * Gives every test application context a database of its own (see {@link TestDatabase}), unless
 * the test configured {@code spring.datasource.url} itself. With
 * {@code magpie.test.database=local-server} the database is created empty on the machine's own
 * PostgreSQL server instead, so Flyway migrates it from scratch like a production deployment. Registered in
 * {@code META-INF/spring.factories} of the test classpath.
 */
public class TestDatabaseInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        var env = context.getEnvironment();
        if (!env.getProperty("spring.datasource.url", "").isEmpty()) {
            return;
        }
        String url = "local-server".equals(env.getProperty("magpie.test.database"))
                ? TestDatabase.freshLocalServerDatabaseUrl()
                : TestDatabase.freshDatabaseUrl();
        env.getPropertySources()
                .addFirst(new MapPropertySource("magpieTestDatabase", Map.of("spring.datasource.url", url)));
    }
}

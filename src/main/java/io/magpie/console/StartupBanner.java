package io.magpie.console;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/** Tells whoever started Magpie where the console and the API documentation are. */
@Component
class StartupBanner {

    private static final Logger log = LoggerFactory.getLogger(StartupBanner.class);

    private final Environment env;

    StartupBanner(Environment env) {
        this.env = env;
    }

    @EventListener(ApplicationReadyEvent.class)
    void ready() {
        String port = env.getProperty("local.server.port", env.getProperty("server.port", "8080"));
        log.info("""

                ----------------------------------------------------------------
                  Magpie is running.
                  Console:   http://localhost:{}/
                  API docs:  http://localhost:{}/swagger-ui.html
                  First login: user 'owner', password from magpie.bootstrap.owner-password
                  or the one printed above at the very first start.
                ----------------------------------------------------------------""", port, port);
    }
}

package io.magpie.tenant;

import static org.assertj.core.api.Assertions.assertThat;

import io.magpie.platform.MagpieIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

@MagpieIntegrationTest
class LoginThrottleIntegrationTests {

    @Autowired
    ApplicationContext context;

    @Test
    void afterFiveFailuresEvenTheRightPasswordIsRefused() {
        var tenant = TestTenants.create(context);
        String user = TestTenants.user(context, tenant.id(), "right-password", "OPERATOR");
        var console = ConsoleClient.of(context);

        for (int i = 0; i < 5; i++) {
            var r = console.login(user, "wrong-password-" + i);
            assertThat(r.status()).isEqualTo(302);
            assertThat(ConsoleClient.path(r.header("Location"))).isEqualTo("/login?error");
        }
        var sixth = console.login(user, "right-password");

        assertThat(sixth.status()).isEqualTo(302);
        assertThat(ConsoleClient.path(sixth.header("Location"))).isEqualTo("/login?locked");
        assertThat(console.get("/").status()).isEqualTo(302);
    }

    @Test
    void fewerFailuresThanTheLimitStillLetTheRightPasswordIn() {
        var tenant = TestTenants.create(context);
        String user = TestTenants.user(context, tenant.id(), "right-password", "OPERATOR");
        var console = ConsoleClient.of(context);
        for (int i = 0; i < 4; i++) {
            console.login(user, "wrong-password-" + i);
        }

        var r = console.login(user, "right-password");

        assertThat(ConsoleClient.path(r.header("Location"))).isEqualTo("/");
        assertThat(console.get("/").status()).isEqualTo(200);
    }
}

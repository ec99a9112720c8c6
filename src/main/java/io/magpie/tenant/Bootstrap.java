package io.magpie.tenant;

import java.security.SecureRandom;
import java.time.ZoneId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * First start: creates the first tenant and its owner. The password comes from
 * {@code magpie.bootstrap.owner-password} or is generated and printed once.
 */
@Component
@Order(0)
class Bootstrap implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(Bootstrap.class);

    private final Tenants tenants;
    private final ConsoleUsers users;
    private final TransactionTemplate tx;
    private final String tenantName;
    private final String currency;
    private final String timeZone;
    private final String ownerUsername;
    private final String ownerPassword;

    Bootstrap(
            Tenants tenants,
            ConsoleUsers users,
            TransactionTemplate tx,
            @Value("${magpie.bootstrap.tenant-name:My Shop}") String tenantName,
            @Value("${magpie.bootstrap.currency:CNY}") String currency,
            @Value("${magpie.bootstrap.time-zone:Asia/Shanghai}") String timeZone,
            @Value("${magpie.bootstrap.owner-username:owner}") String ownerUsername,
            @Value("${magpie.bootstrap.owner-password:}") String ownerPassword) {
        this.tenants = tenants;
        this.users = users;
        this.tx = tx;
        this.tenantName = tenantName;
        this.currency = currency;
        this.timeZone = timeZone;
        this.ownerUsername = ownerUsername;
        this.ownerPassword = ownerPassword;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (users.anyExists()) {
            return;
        }
        String password = ownerPassword.isBlank() ? generatePassword() : ownerPassword;
        tx.executeWithoutResult(s -> {
            TenantView tenant = tenants.create(tenantName, currency, ZoneId.of(timeZone));
            users.create(tenant.id(), ownerUsername, "Owner", password, Role.OWNER);
        });
        if (ownerPassword.isBlank()) {
            log.warn("""

                    ================================================================
                      First start: created the owner account of tenant '{}'.
                      Log in with  username: {}   password: {}
                      This password is shown only once; change it in the console.
                    ================================================================""", tenantName, ownerUsername, password);
        } else {
            log.info(
                    "First start: created owner '{}' of tenant '{}' with the configured password",
                    ownerUsername,
                    tenantName);
        }
    }

    private static String generatePassword() {
        String alphabet = "abcdefghjkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
        SecureRandom random = new SecureRandom();
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 16; i++) {
            sb.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return sb.toString();
    }
}

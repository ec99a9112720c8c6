package io.magpie.tenant;

import io.magpie.platform.Scopes;
import java.security.SecureRandom;
import java.time.ZoneId;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.regex.Pattern;
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
 * {@code magpie.bootstrap.owner-password} or is generated and printed once. When
 * {@code magpie.bootstrap.api-key} is set (starting with {@code mk_}, at least 24 characters) and
 * not stored yet, it becomes an all-scopes key named {@code bootstrap} of the first tenant, stored
 * hashed like any key; once stored (even revoked) it is never created again.
 */
@Component
@Order(0)
class Bootstrap implements ApplicationRunner {

    private static final String ACTOR = "system:bootstrap";
    private static final Logger log = LoggerFactory.getLogger(Bootstrap.class);
    // as long as a header-safe secret can be and still be accepted by ApiKeys.authenticate
    private static final Pattern API_KEY = Pattern.compile("mk_[A-Za-z0-9_-]{21,97}");

    private final Tenants tenants;
    private final ConsoleUsers users;
    private final TransactionTemplate tx;
    private final String tenantName;
    private final String currency;
    private final String timeZone;
    private final String ownerUsername;
    private final String ownerPassword;
    private final String apiKey;
    private final ApiKeys keys;
    private final AuditLog audit;

    Bootstrap(
            Tenants tenants,
            ConsoleUsers users,
            ApiKeys keys,
            AuditLog audit,
            TransactionTemplate tx,
            @Value("${magpie.bootstrap.tenant-name:My Shop}") String tenantName,
            @Value("${magpie.bootstrap.currency:CNY}") String currency,
            @Value("${magpie.bootstrap.time-zone:Asia/Shanghai}") String timeZone,
            @Value("${magpie.bootstrap.owner-username:owner}") String ownerUsername,
            @Value("${magpie.bootstrap.owner-password:}") String ownerPassword,
            @Value("${magpie.bootstrap.api-key:}") String apiKey) {
        this.apiKey = checkedApiKey(apiKey);
        this.keys = keys;
        this.audit = audit;
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
        createOwner();
        createApiKey();
    }

    private void createApiKey() {
        if (apiKey.isEmpty() || keys.exists(apiKey)) {
            return;
        }
        TenantView first = tenants.all().get(0);
        tx.executeWithoutResult(s -> {
            CreatedApiKey created =
                    keys.create(first.id(), "bootstrap", new LinkedHashSet<>(Scopes.ALL), ACTOR, apiKey);
            audit.record(
                    first.id(),
                    ACTOR,
                    "api_key.created",
                    "api_key",
                    created.view().id(),
                    null,
                    Map.of("name", "bootstrap", "prefix", created.view().prefix(), "scopes", Scopes.ALL));
        });
        log.info("Created the configured bootstrap API key for tenant '{}'", first.name());
    }

    private void createOwner() {
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

    /** The configured key, empty when none; a malformed one stops the start with a clear message. */
    static String checkedApiKey(String configured) {
        String key = configured == null ? "" : configured.strip();
        if (!key.isEmpty() && !API_KEY.matcher(key).matches()) {
            throw new IllegalStateException("magpie.bootstrap.api-key must start with 'mk_' and be 24 to 100"
                    + " characters of A-Z, a-z, 0-9, '_' or '-'");
        }
        return key;
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

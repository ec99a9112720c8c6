package io.magpie.tenant;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Slows down password guessing: after {@code max-failures} failed logins for one username, or
 * {@code max-failures-per-address} from one address, within the lockout window, further attempts
 * are refused until the window passes.
 */
@Component
class LoginThrottle {

    private final int maxFailures;
    private final int maxAddressFailures;
    private final Cache<String, AtomicInteger> failures;

    LoginThrottle(
            @Value("${magpie.security.login.max-failures:5}") int maxFailures,
            @Value("${magpie.security.login.max-failures-per-address:20}") int maxAddressFailures,
            @Value("${magpie.security.login.lockout:15m}") Duration lockout) {
        this.maxFailures = maxFailures;
        this.maxAddressFailures = maxAddressFailures;
        this.failures = Caffeine.newBuilder()
                .expireAfterWrite(lockout)
                .maximumSize(100_000)
                .build();
    }

    boolean blocked(String username, String address) {
        return count("u:" + normalize(username)) >= maxFailures || count("a:" + address) >= maxAddressFailures;
    }

    void failed(String username, String address) {
        failures.get("u:" + normalize(username), k -> new AtomicInteger()).incrementAndGet();
        failures.get("a:" + address, k -> new AtomicInteger()).incrementAndGet();
    }

    void succeeded(String username) {
        failures.invalidate("u:" + normalize(username));
    }

    private int count(String key) {
        AtomicInteger n = failures.getIfPresent(key);
        return n == null ? 0 : n.get();
    }

    private static String normalize(String username) {
        return username == null ? "" : username.trim().toLowerCase(java.util.Locale.ROOT);
    }
}

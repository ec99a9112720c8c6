package io.magpie.tenant;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import java.util.Optional;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The current role and status of logged-in users, cached briefly so that checking them on every
 * console request costs no query. A change on this node is seen at once; on other nodes within
 * the cache's five seconds.
 */
@Component
class LiveConsoleUsers {

    private final ConsoleUsers users;
    private final Cache<Long, Optional<ConsoleUser>> cache = Caffeine.newBuilder()
            .maximumSize(10_000)
            .expireAfterWrite(Duration.ofSeconds(5))
            .build();

    LiveConsoleUsers(ConsoleUsers users) {
        this.users = users;
    }

    Optional<ConsoleUser> get(long id) {
        return cache.get(id, users::current);
    }

    /** Forgets a user's state now and again after the changing transaction ends. */
    void changed(long id) {
        cache.invalidate(id);
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    cache.invalidate(id);
                }
            });
        }
    }
}

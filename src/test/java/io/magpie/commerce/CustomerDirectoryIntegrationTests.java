package io.magpie.commerce;

import static io.magpie.commerce.CommerceTestSupport.count;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.magpie.platform.MagpieIntegrationTest;
import io.magpie.platform.ProblemException;
import io.magpie.tenant.TestTenants;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

@MagpieIntegrationTest
class CustomerDirectoryIntegrationTests {

    @Autowired
    ApplicationContext context;

    @Autowired
    CustomerDirectory directory;

    @Autowired
    ContactHashing hashing;

    @Test
    void ensureCustomerCreatesAStubOnceEvenUnderConcurrency() throws Exception {
        long tenant = TestTenants.create(context).id();
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(6);
        try {
            List<Future<Long>> ids = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                ids.add(pool.submit(() -> {
                    start.await();
                    return directory.ensureCustomer(tenant, "walk-in-1");
                }));
            }
            start.countDown();
            var distinct = new HashSet<Long>();
            for (Future<Long> f : ids) {
                distinct.add(f.get());
            }
            assertThat(distinct).hasSize(1);
        } finally {
            pool.shutdown();
        }
        assertThat(count(context, "commerce_customer", tenant)).isEqualTo(1);
        assertThat(directory.findCustomerId(tenant, "walk-in-1")).isPresent();
        assertThat(directory.findCustomerId(tenant, "walk-in-2")).isEmpty();
        assertThat(directory.findCustomerId(TestTenants.create(context).id(), "walk-in-1"))
                .isEmpty();
    }

    @Test
    void ensureCustomerRefusesAnInvalidId() {
        long tenant = TestTenants.create(context).id();
        assertThatThrownBy(() -> directory.ensureCustomer(tenant, "no spaces")).isInstanceOf(ProblemException.class);
        assertThat(count(context, "commerce_customer", tenant)).isZero();
    }

    @Test
    void contactHashingIsStablePerTenantAndMasks() {
        long a = TestTenants.create(context).id();
        long b = TestTenants.create(context).id();

        HashedContact phone = hashing.phone(a, "138 0000 5678");
        assertThat(phone.masked()).isEqualTo("138****5678");
        assertThat(hashing.phone(a, "13800005678").hash()).isEqualTo(phone.hash());
        assertThat(hashing.phone(b, "13800005678").hash()).isNotEqualTo(phone.hash());
        HashedContact email = hashing.email(a, " Bob@Example.com");
        assertThat(email.masked()).isEqualTo("b***@example.com");
        assertThat(hashing.email(a, "bob@example.com").hash()).isEqualTo(email.hash());
        assertThatThrownBy(() -> hashing.phone(a, "not a phone")).isInstanceOf(ProblemException.class);
    }
}

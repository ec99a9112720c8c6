package io.magpie.commerce;

import static org.assertj.core.api.Assertions.assertThat;

import io.magpie.platform.Api;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Shared helpers of the commerce tests: problem assertions and row counts straight from the database. */
final class CommerceTestSupport {

    private CommerceTestSupport() {}

    /** Asserts a 4xx problem+json answer with the given status and stable code. */
    static void assertProblem(Api.Response response, int status, String code) {
        assertThat(response.status()).as(response.toString()).isEqualTo(status);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.code()).as(response.toString()).isEqualTo(code);
    }

    /** Rows of a commerce table that belong to a tenant. */
    static long count(ApplicationContext context, String table, long tenantId) {
        return context.getBean(JdbcClient.class)
                .sql("select count(*) from " + table + " where tenant_id = ?")
                .param(tenantId)
                .query(Long.class)
                .single();
    }

    static JdbcClient jdbc(ApplicationContext context) {
        return context.getBean(JdbcClient.class);
    }
}

package io.magpie.platform;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** A test-only endpoint that exercises the platform's API conventions (present only in tests). */
@RestController
class EchoTestApi {

    static final AtomicInteger CALLS = new AtomicInteger();

    private final JdbcClient jdbc;

    EchoTestApi(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    enum Colour {
        RED,
        GREEN
    }

    record EchoLine(
            @NotBlank String sku,
            @NotNull @Positive @Max(10_000) Integer quantity) {}

    record EchoRequest(
            @NotBlank String name,
            @NotNull Colour colour,
            @Valid @NotNull List<EchoLine> lines) {}

    record EchoResponse(int call, String name, Colour colour, long tenantId) {}

    @PostMapping("/api/v1/test/echo")
    @ResponseStatus(HttpStatus.CREATED)
    EchoResponse echo(@Valid @RequestBody EchoRequest request) {
        return new EchoResponse(CALLS.incrementAndGet(), request.name(), request.colour(), Tenancy.currentTenantId());
    }

    record StoreRequest(String text) {}

    /** Hands the text to PostgreSQL unchecked, as a module that forgot a check would. */
    @PostMapping("/api/v1/test/store")
    String store(@RequestBody StoreRequest request) {
        return jdbc.sql("select cast(? as text)")
                .param(request.text())
                .query(String.class)
                .single();
    }
}

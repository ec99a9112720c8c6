package io.magpie.platform;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Rejects API bodies over the limit with 413 before anything reads them. Bulk and import
 * endpoints (paths containing {@code /bulk} or {@code /imports}) get the larger bulk limit.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
class BodySizeLimit extends OncePerRequestFilter {

    private final long limit;
    private final long bulkLimit;

    BodySizeLimit(
            @Value("${magpie.api.max-body-size:1MB}") DataSize limit,
            @Value("${magpie.api.max-bulk-body-size:20MB}") DataSize bulkLimit) {
        this.limit = limit.toBytes();
        this.bulkLimit = bulkLimit.toBytes();
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !request.getRequestURI().startsWith("/api/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String uri = request.getRequestURI();
        long max = uri.contains("/bulk") || uri.contains("/imports") ? bulkLimit : limit;
        long length = request.getContentLengthLong();
        if (length > max) {
            ProblemResponses.write(
                    response,
                    HttpStatus.CONTENT_TOO_LARGE,
                    "payload_too_large",
                    "request body of " + length + " bytes exceeds the limit of " + max + " bytes",
                    Map.of());
            return;
        }
        chain.doFilter(request, response);
    }
}

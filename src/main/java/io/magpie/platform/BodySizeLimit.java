package io.magpie.platform;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
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
 * endpoints (paths containing {@code /bulk} or {@code /imports}) and campaign writes (whose audience may
 * list up to 100,000 customer ids) get the larger bulk limit.
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

    private static boolean isCampaignWrite(String uri) {
        return uri.equals("/api/v1/campaigns") || (uri.startsWith("/api/v1/campaigns/") && uri.indexOf('/', 18) < 0);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String uri = request.getRequestURI();
        long max = uri.contains("/bulk") || uri.contains("/imports") || isCampaignWrite(uri) ? bulkLimit : limit;
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
        try {
            chain.doFilter(new Limited(request, max), response);
        } catch (PayloadTooLargeException | ServletException e) {
            if (!(e instanceof PayloadTooLargeException) && !(e.getCause() instanceof PayloadTooLargeException)) {
                throw e;
            }
            if (!response.isCommitted()) {
                response.resetBuffer();
                ProblemResponses.write(
                        response,
                        HttpStatus.CONTENT_TOO_LARGE,
                        "payload_too_large",
                        "request body exceeds the limit of " + max + " bytes",
                        Map.of());
            }
        }
    }

    /**
     * Counts what is actually read, so a body without {@code Content-Length} (chunked transfer)
     * cannot slip past the limit either.
     */
    private static final class Limited extends HttpServletRequestWrapper {
        private final long max;
        private ServletInputStream stream;

        Limited(HttpServletRequest request, long max) {
            super(request);
            this.max = max;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (stream == null) {
                stream = new Counting(super.getInputStream(), max);
            }
            return stream;
        }

        @Override
        public BufferedReader getReader() throws IOException {
            return new BufferedReader(new InputStreamReader(getInputStream(), StandardCharsets.UTF_8));
        }
    }

    private static final class Counting extends ServletInputStream {
        private final ServletInputStream in;
        private final long max;
        private long read;

        Counting(ServletInputStream in, long max) {
            this.in = in;
            this.max = max;
        }

        @Override
        public int read() throws IOException {
            int b = in.read();
            if (b >= 0) {
                count(1);
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = in.read(b, off, len);
            if (n > 0) {
                count(n);
            }
            return n;
        }

        private void count(int n) {
            read += n;
            if (read > max) {
                throw new PayloadTooLargeException(max);
            }
        }

        @Override
        public boolean isFinished() {
            return in.isFinished();
        }

        @Override
        public boolean isReady() {
            return in.isReady();
        }

        @Override
        public void setReadListener(ReadListener listener) {
            in.setReadListener(listener);
        }
    }
}

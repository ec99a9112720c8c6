package io.magpie.platform;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.Part;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.PathContainer;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * {@code Idempotency-Key} for every mutating API call: the first response is stored and replayed
 * for the same key; the same key with a different request is refused with 422. A key whose first
 * request is still running answers 409. Runs after authentication, keys are per tenant.
 */
@Component
@Order(10)
class IdempotencyFilter extends OncePerRequestFilter {

    static final String HEADER = "Idempotency-Key";

    private final JdbcClient jdbc;
    private final List<PathPattern> ownIdempotency;

    IdempotencyFilter(JdbcClient jdbc, ObjectProvider<OwnIdempotency> ownIdempotency) {
        this.jdbc = jdbc;
        this.ownIdempotency = ownIdempotency
                .orderedStream()
                .map(o -> PathPatternParser.defaultInstance.parse(o.pathPattern()))
                .toList();
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String m = request.getMethod();
        return !request.getRequestURI().startsWith("/api/")
                || request.getHeader(HEADER) == null
                || !(m.equals("POST") || m.equals("PUT") || m.equals("PATCH") || m.equals("DELETE"))
                || handledByEndpoint(request);
    }

    private boolean handledByEndpoint(HttpServletRequest request) {
        if (ownIdempotency.isEmpty()) {
            return false;
        }
        PathContainer path = PathContainer.parsePath(request.getRequestURI());
        return ownIdempotency.stream().anyMatch(p -> p.matches(path));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Optional<Actor> actor = Tenancy.findActor();
        if (actor.isEmpty()) {
            chain.doFilter(request, response);
            return;
        }
        String key = request.getHeader(HEADER);
        if (key.isBlank() || key.length() > 255) {
            ProblemResponses.write(
                    response,
                    HttpStatus.BAD_REQUEST,
                    "invalid_idempotency_key",
                    "Idempotency-Key must be 1 to 255 characters",
                    Map.of());
            return;
        }
        long tenant = actor.get().tenantId();
        // a multipart body is read by the servlet container's part parser, which cannot be handed a
        // body this filter already consumed: fingerprint the parsed parts instead of the raw bytes
        boolean multipart = isMultipart(request);
        byte[] body =
                multipart ? partsFingerprint(request) : request.getInputStream().readAllBytes();
        String path =
                request.getRequestURI() + (request.getQueryString() == null ? "" : "?" + request.getQueryString());
        String hash = hash(request.getMethod(), path, body);

        int inserted = jdbc.sql("""
                        insert into platform_idempotency_key (tenant_id, idem_key, method, path, request_hash)
                        values (?, ?, ?, ?, ?) on conflict do nothing""")
                .params(tenant, key, request.getMethod(), path, hash)
                .update();
        if (inserted == 0) {
            replay(tenant, key, hash, response);
            return;
        }
        var wrapped = new ContentCachingResponseWrapper(response);
        boolean stored = false;
        try {
            chain.doFilter(multipart ? request : new CachedBody(request, body), wrapped);
            if (wrapped.getStatus() < 500) {
                jdbc.sql("""
                                update platform_idempotency_key
                                   set status = ?, content_type = ?, location = ?, body = ?
                                 where tenant_id = ? and idem_key = ?""")
                        .params(
                                wrapped.getStatus(),
                                wrapped.getContentType(),
                                wrapped.getHeader("Location"),
                                wrapped.getContentAsByteArray(),
                                tenant,
                                key)
                        .update();
                stored = true;
            }
        } finally {
            if (!stored) {
                jdbc.sql("delete from platform_idempotency_key where tenant_id = ? and idem_key = ?")
                        .params(tenant, key)
                        .update();
            }
            wrapped.copyBodyToResponse();
        }
    }

    private void replay(long tenant, String key, String hash, HttpServletResponse response) throws IOException {
        var row = jdbc.sql("""
                        select request_hash, status, content_type, location, body
                          from platform_idempotency_key where tenant_id = ? and idem_key = ?""")
                .params(tenant, key)
                .query((rs, n) -> new Stored(
                        rs.getString(1), (Integer) rs.getObject(2), rs.getString(3), rs.getString(4), rs.getBytes(5)))
                .optional();
        if (row.isEmpty()) {
            ProblemResponses.write(
                    response,
                    HttpStatus.CONFLICT,
                    "idempotency_in_progress",
                    "the first request with this key just failed; retry",
                    Map.of("Retry-After", "1"));
            return;
        }
        Stored s = row.get();
        if (!s.hash.equals(hash)) {
            ProblemResponses.write(
                    response,
                    HttpStatus.UNPROCESSABLE_CONTENT,
                    "idempotency_key_reused",
                    "this Idempotency-Key was used for a different request",
                    Map.of());
            return;
        }
        if (s.status == null) {
            ProblemResponses.write(
                    response,
                    HttpStatus.CONFLICT,
                    "idempotency_in_progress",
                    "a request with this Idempotency-Key is still being processed",
                    Map.of("Retry-After", "1"));
            return;
        }
        response.setStatus(s.status);
        if (s.contentType != null) {
            response.setContentType(s.contentType);
        }
        if (s.location != null) {
            response.setHeader("Location", s.location);
        }
        response.setHeader("Idempotent-Replayed", "true");
        if (s.body != null) {
            response.getOutputStream().write(s.body);
        }
    }

    private static boolean isMultipart(HttpServletRequest request) {
        String type = request.getContentType();
        return type != null && type.toLowerCase(java.util.Locale.ROOT).startsWith("multipart/");
    }

    /** SHA-256 over every part's name, file name and content; empty when the parts cannot be parsed. */
    private static byte[] partsFingerprint(HttpServletRequest request) throws IOException {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            for (Part part : request.getParts()) {
                md.update(
                        (part.getName() + "\n" + part.getSubmittedFileName() + "\n").getBytes(StandardCharsets.UTF_8));
                try (var in = new java.security.DigestInputStream(part.getInputStream(), md)) {
                    in.transferTo(java.io.OutputStream.nullOutputStream());
                }
            }
            return md.digest();
        } catch (ServletException | IllegalStateException e) {
            // malformed or too large: the request goes on and fails where multipart is resolved
            return new byte[0];
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String hash(String method, String path, byte[] body) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            md.update((method + " " + path + "\n").getBytes(StandardCharsets.UTF_8));
            md.update(body);
            return HexFormat.of().formatHex(md.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private record Stored(String hash, Integer status, String contentType, String location, byte[] body) {}

    /** Lets the body be read again after hashing it. */
    private static final class CachedBody extends HttpServletRequestWrapper {
        private final byte[] body;

        CachedBody(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public ServletInputStream getInputStream() {
            ByteArrayInputStream in = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public boolean isFinished() {
                    return in.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new UnsupportedOperationException();
                }

                @Override
                public int read() {
                    return in.read();
                }

                @Override
                public int read(byte[] b, int off, int len) {
                    return in.read(b, off, len);
                }
            };
        }

        @Override
        public BufferedReader getReader() {
            return new BufferedReader(new InputStreamReader(getInputStream(), StandardCharsets.UTF_8));
        }
    }
}

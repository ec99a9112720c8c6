package io.magpie.tenant;

import io.magpie.platform.ProblemResponses;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/** {@code Authorization: Bearer <api key>} on {@code /api/**}; scopes become {@code SCOPE_x} authorities. */
class ApiKeyAuthenticationFilter extends OncePerRequestFilter {

    private final ApiKeys keys;

    ApiKeyAuthenticationFilter(ApiKeys keys) {
        this.keys = keys;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader("Authorization");
        if (header == null || !header.regionMatches(true, 0, "Bearer ", 0, 7)) {
            ProblemResponses.write(
                    response,
                    HttpStatus.UNAUTHORIZED,
                    "unauthenticated",
                    "send an API key as 'Authorization: Bearer <key>'",
                    Map.of("WWW-Authenticate", "Bearer"));
            return;
        }
        Optional<ApiKeyPrincipal> principal =
                keys.authenticate(header.substring(7).trim());
        if (principal.isEmpty()) {
            ProblemResponses.write(
                    response,
                    HttpStatus.UNAUTHORIZED,
                    "invalid_api_key",
                    "the API key is unknown or revoked",
                    Map.of("WWW-Authenticate", "Bearer error=\"invalid_token\""));
            return;
        }
        ApiKeyPrincipal p = principal.get();
        List<SimpleGrantedAuthority> authorities = p.scopes().stream()
                .map(s -> new SimpleGrantedAuthority("SCOPE_" + s))
                .toList();
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(p, null, authorities));
        SecurityContextHolder.setContext(context);
        try {
            chain.doFilter(request, response);
        } finally {
            SecurityContextHolder.clearContext();
        }
    }
}

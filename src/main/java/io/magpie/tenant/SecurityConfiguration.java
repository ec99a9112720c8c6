package io.magpie.tenant;

import io.magpie.platform.ProblemResponses;
import io.magpie.platform.Scopes;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Two doors: {@code /api/**} is stateless with API keys; everything else is the console with a
 * session, form login and CSRF protection.
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
class SecurityConfiguration {

    @Bean
    PasswordEncoder passwordEncoder() {
        // bcrypt today, upgradeable: stored hashes carry their algorithm id
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }

    @Bean
    @Order(1)
    SecurityFilterChain api(
            HttpSecurity http,
            ApiKeys keys,
            @Value("${magpie.api.rate-limit.requests-per-second:200}") double perSecond,
            @Value("${magpie.api.rate-limit.burst:400}") double burst)
            throws Exception {
        return http.securityMatcher("/api/**")
                .csrf(c -> c.disable())
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .requestCache(c -> c.disable())
                .securityContext(c -> c.disable())
                .anonymous(a -> a.disable())
                .addFilterBefore(new ApiKeyAuthenticationFilter(keys), UsernamePasswordAuthenticationFilter.class)
                .addFilterAfter(new ApiRateLimiter(perSecond, burst), ApiKeyAuthenticationFilter.class)
                // the admin endpoints also say @PreAuthorize; checking here too refuses a key
                // without the scope before its request body is even validated
                .authorizeHttpRequests(
                        a -> a.requestMatchers("/api/v1/api-keys/**", "/api/v1/users/**", "/api/v1/audit-log/**")
                                .hasAuthority("SCOPE_" + Scopes.ADMIN)
                                .anyRequest()
                                .permitAll())
                .exceptionHandling(e -> e.accessDeniedHandler((request, response, denied) -> ProblemResponses.write(
                        response,
                        HttpStatus.FORBIDDEN,
                        "insufficient_scope",
                        "this API key lacks the scope this operation needs",
                        Map.of())))
                .build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain console(HttpSecurity http, LoginThrottle throttle, ConsoleUsers users, LiveConsoleUsers live)
            throws Exception {
        return http.authorizeHttpRequests(a -> a.requestMatchers(
                                "/login",
                                "/webjars/**",
                                "/css/**",
                                "/js/**",
                                "/img/**",
                                "/favicon.ico",
                                "/error",
                                "/actuator/health/**",
                                "/actuator/info",
                                "/actuator/prometheus",
                                "/v3/api-docs/**",
                                "/swagger-ui/**",
                                "/swagger-ui.html")
                        .permitAll()
                        .requestMatchers("/settings/**")
                        .hasRole("OWNER")
                        .requestMatchers(HttpMethod.POST, "/logout", "/locale")
                        .authenticated()
                        .requestMatchers(HttpMethod.GET, "/**")
                        .authenticated()
                        .anyRequest()
                        .hasAnyRole("OWNER", "OPERATOR", "STORE_STAFF"))
                .formLogin(f -> f.loginPage("/login")
                        .successHandler((req, res, auth) -> {
                            ConsoleUser u = (ConsoleUser) auth.getPrincipal();
                            throttle.succeeded(u.username());
                            users.recordLogin(u.id());
                            res.sendRedirect("/");
                        })
                        .failureHandler((req, res, ex) -> {
                            throttle.failed(req.getParameter("username"), req.getRemoteAddr());
                            res.sendRedirect("/login?error");
                        }))
                .logout(l -> l.logoutUrl("/logout").logoutSuccessUrl("/login?logout"))
                .addFilterBefore(new LoginGate(throttle), UsernamePasswordAuthenticationFilter.class)
                .addFilterBefore(new ConsoleSessionRefresh(live), AuthorizationFilter.class)
                .headers(h -> h.referrerPolicy(r -> r.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.SAME_ORIGIN)))
                .build();
    }

    /** Refuses login attempts for a throttled username or address before the password is checked. */
    static final class LoginGate extends OncePerRequestFilter {
        private final LoginThrottle throttle;

        LoginGate(LoginThrottle throttle) {
            this.throttle = throttle;
        }

        @Override
        protected boolean shouldNotFilter(HttpServletRequest request) {
            return !("POST".equals(request.getMethod()) && "/login".equals(request.getServletPath()));
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            if (throttle.blocked(request.getParameter("username"), request.getRemoteAddr())) {
                response.sendRedirect("/login?locked");
                return;
            }
            chain.doFilter(request, response);
        }
    }
}

package io.magpie.tenant;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.authentication.logout.SecurityContextLogoutHandler;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Keeps console sessions in step with the users table: a disabled user is logged out on the next
 * request, a changed role applies on the next request, and the session never keeps the password
 * hash that the login needed.
 */
class ConsoleSessionRefresh extends OncePerRequestFilter {

    private final LiveConsoleUsers users;
    private final HttpSessionSecurityContextRepository sessions = new HttpSessionSecurityContextRepository();

    ConsoleSessionRefresh(LiveConsoleUsers users) {
        this.users = users;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth != null && auth.getPrincipal() instanceof ConsoleUser session) {
            Optional<ConsoleUser> current = users.get(session.id());
            if (current.isEmpty() || !current.get().enabled()) {
                new SecurityContextLogoutHandler().logout(request, response, auth);
                response.sendRedirect("/login?expired");
                return;
            }
            if (!current.get().equals(session)) {
                ConsoleUser user = current.get();
                var token = UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities());
                token.setDetails(auth.getDetails());
                SecurityContext context = SecurityContextHolder.createEmptyContext();
                context.setAuthentication(token);
                SecurityContextHolder.setContext(context);
                sessions.saveContext(context, request, response);
            }
        }
        chain.doFilter(request, response);
    }
}

package io.magpie.tenant;

import io.magpie.platform.Api;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.context.ApplicationContext;

/**
 * A real-HTTP console session for tests: keeps the session cookie, picks up the CSRF token from
 * every page it fetches and sends it with form posts, never follows redirects.
 */
public final class ConsoleClient {

    private static final Pattern CSRF_INPUT = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"");
    private static final Pattern CSRF_META = Pattern.compile("<meta name=\"_csrf\" content=\"([^\"]+)\"");

    private final HttpClient client = HttpClient.newBuilder()
            .cookieHandler(new CookieManager(null, CookiePolicy.ACCEPT_ALL))
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    private final String base;
    private String csrf;

    private ConsoleClient(String base) {
        this.base = base;
    }

    public static ConsoleClient of(ApplicationContext context) {
        return new ConsoleClient(Api.of(context).base());
    }

    /** Posts the login form; a successful login redirects to {@code /}, then the dashboard's token is taken. */
    public Api.Response login(String username, String password) {
        get("/login");
        Api.Response r = post("/login", "username", username, "password", password);
        if (r.status() == 302 && "/".equals(path(r.header("Location")))) {
            get("/");
        }
        return r;
    }

    public static ConsoleClient loggedIn(ApplicationContext context, String username, String password) {
        ConsoleClient c = of(context);
        Api.Response r = c.login(username, password);
        if (!(r.status() == 302 && "/".equals(path(r.header("Location"))))) {
            throw new IllegalStateException("login of " + username + " failed: " + r.status() + " " + r.headers());
        }
        return c;
    }

    public Api.Response get(String path, String... headers) {
        Api.Response r = send(request(path, headers).GET());
        remember(r.body());
        return r;
    }

    /** A form post with the CSRF token of the last page fetched. */
    public Api.Response post(String path, String... fields) {
        List<String> all = new ArrayList<>(List.of(fields));
        if (csrf != null) {
            all.add("_csrf");
            all.add(csrf);
        }
        return postWithoutCsrf(path, all.toArray(String[]::new));
    }

    /** An htmx form post: the CSRF token travels in the header as magpie.js sends it. */
    public Api.Response htmxPost(String path, String... fields) {
        Api.Response r = send(request(path, "HX-Request", "true", "X-CSRF-TOKEN", csrf)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form(fields))));
        remember(r.body());
        return r;
    }

    public Api.Response postWithoutCsrf(String path, String... fields) {
        Api.Response r = send(request(path)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form(fields))));
        remember(r.body());
        return r;
    }

    /** The path of a redirect target, without scheme and host. */
    public static String path(String location) {
        if (location == null) {
            return null;
        }
        URI uri = URI.create(location);
        return uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
    }

    private void remember(String body) {
        if (body == null) {
            return;
        }
        Matcher m = CSRF_INPUT.matcher(body);
        if (m.find()) {
            csrf = m.group(1);
            return;
        }
        m = CSRF_META.matcher(body);
        if (m.find()) {
            csrf = m.group(1);
        }
    }

    private HttpRequest.Builder request(String path, String... headers) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30));
        for (int i = 0; i + 1 < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        return b;
    }

    private static String form(String... fields) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i + 1 < fields.length; i += 2) {
            if (!sb.isEmpty()) {
                sb.append('&');
            }
            sb.append(URLEncoder.encode(fields[i], StandardCharsets.UTF_8))
                    .append('=')
                    .append(URLEncoder.encode(fields[i + 1], StandardCharsets.UTF_8));
        }
        return sb.toString();
    }

    private Api.Response send(HttpRequest.Builder b) {
        try {
            HttpResponse<String> r = client.send(b.build(), HttpResponse.BodyHandlers.ofString());
            return new Api.Response(r.statusCode(), r.headers(), r.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}

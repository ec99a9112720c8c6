package io.magpie.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.context.ApplicationContext;

/**
 * A logged-in console user over real HTTP: fetches the login form, posts the credentials with its
 * CSRF token and keeps the session cookie for later requests.
 */
public final class ConsoleSession {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");

    private final HttpClient client;
    private final String base;

    private ConsoleSession(String base) {
        this.base = base;
        this.client = HttpClient.newBuilder()
                .cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
    }

    /** A session that has not logged in (yet). */
    public static ConsoleSession anonymous(ApplicationContext context) {
        return new ConsoleSession(
                "http://localhost" + ":" + context.getEnvironment().getProperty("local.server.port"));
    }

    public static ConsoleSession login(ApplicationContext context, String username, String password) {
        ConsoleSession session = anonymous(context);
        Page form = session.get("/login");
        HttpResponse<String> posted = session.send(HttpRequest.newBuilder(URI.create(session.base + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=" + enc(username) + "&password=" + enc(password)
                        + "&_csrf=" + enc(csrf(form.body())))));
        assertThat(posted.statusCode()).as("login redirect").isEqualTo(302);
        assertThat(posted.headers().firstValue("Location").orElse(""))
                .as("login succeeded")
                .doesNotContain("error")
                .doesNotContain("locked");
        return session;
    }

    /** The CSRF token of the first form on a page. */
    public static String csrf(String html) {
        Matcher m = CSRF.matcher(html);
        assertThat(m.find()).as("a form with a CSRF token").isTrue();
        return m.group(1);
    }

    public Page get(String path, String... headers) {
        // as a browser asks: error pages come as HTML only to those who accept HTML
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path))
                .header("Accept", "text/html,application/xhtml+xml,*/*;q=0.8")
                .GET();
        for (int i = 0; i + 1 < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        HttpResponse<String> r = send(b);
        return new Page(
                r.statusCode(),
                r.body(),
                r.headers().firstValue("Location").orElse(null),
                r.headers().firstValue("Vary").orElse(""));
    }

    /** GET as htmx does it for a fragment. */
    public Page fragment(String path) {
        return get(path, "HX-Request", "true");
    }

    public Page postForm(String path, String form) {
        HttpResponse<String> r = send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Accept", "text/html,application/xhtml+xml,*/*;q=0.8")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)));
        return new Page(
                r.statusCode(), r.body(), r.headers().firstValue("Location").orElse(null), "");
    }

    private HttpResponse<String> send(HttpRequest.Builder b) {
        try {
            return client.send(b.timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    /** A response of the console. */
    public record Page(int status, String body, String location, String vary) {}
}

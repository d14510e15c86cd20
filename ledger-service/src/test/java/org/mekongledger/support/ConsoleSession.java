package org.mekongledger.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** The console as a browser meets it, without one: cookies kept, redirects shown rather than followed, forms with their CSRF token. */
public final class ConsoleSession {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    private final CookieManager cookies;
    private final HttpClient http;
    private final int port;

    public ConsoleSession(int port) {
        this(port, new CookieManager());
    }

    private ConsoleSession(int port, CookieManager cookies) {
        this.port = port;
        this.cookies = cookies;
        this.http = HttpClient.newBuilder().cookieHandler(cookies).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    /** The same browser, its cookies and all, talking to another replica of the service. */
    public ConsoleSession on(int otherPort) {
        return new ConsoleSession(otherPort, cookies);
    }

    public HttpResponse<String> get(String path) throws Exception {
        return getUrl("http://localhost:" + port + path);
    }

    /** A page anywhere: another site's, such as an identity provider's. */
    public HttpResponse<String> getUrl(String url) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    public HttpResponse<String> post(String path, Map<String, String> form) throws Exception {
        String body = form.entrySet().stream().map(e -> e.getKey() + "="
                + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8)).collect(Collectors.joining("&"));
        return http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Posts a form the way the page at {@code page} would: with that page's CSRF token. */
    public HttpResponse<String> submit(String page, String action, Map<String, String> form) throws Exception {
        Map<String, String> withToken = new LinkedHashMap<>(form);
        withToken.put("_csrf", csrf(get(page).body()));
        return post(action, withToken);
    }

    public ConsoleSession signIn(String user, String password) throws Exception {
        HttpResponse<String> signedIn = post("/console/sign-in", Map.of("username", user, "password", password,
                "_csrf", csrf(get("/console/sign-in").body())));
        assertThat(signedIn.statusCode()).isEqualTo(302);
        assertThat(signedIn.headers().firstValue("Location").orElse("")).endsWith("/console/workers");
        return this;
    }

    public static String csrf(String html) {
        Matcher token = CSRF.matcher(html);
        assertThat(token.find()).as("a CSRF token in the form").isTrue();
        return token.group(1);
    }
}

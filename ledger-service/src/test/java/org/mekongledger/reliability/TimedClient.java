package org.mekongledger.reliability;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;

import org.mekongledger.support.ApiClient;
import org.mekongledger.support.ApiClient.Response;

import tools.jackson.databind.JsonNode;

/**
 * HTTP as a careful client sends it: every request has a deadline, so a service that stops answering
 * fails the test (as {@link NoAnswer}) instead of hanging it.
 */
final class TimedClient {

    /** The service did not answer within the deadline, or the connection broke. */
    static final class NoAnswer extends RuntimeException {
        NoAnswer(String message, Throwable cause) {
            super(message, cause);
        }
    }

    static final Duration DEADLINE = Duration.ofSeconds(30);
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final String base;
    private final String user;
    private final String password;

    TimedClient(int port, String user, String password) {
        this.base = "http://localhost:" + port;
        this.user = user;
        this.password = password;
    }

    Response get(String path) {
        return send(request(path).GET().build());
    }

    Response post(String path, Object body) {
        return post(path, body, Map.of());
    }

    Response post(String path, Object body, Map<String, String> headers) {
        String json = body instanceof String text ? text : ApiClient.JSON.writeValueAsString(body);
        HttpRequest.Builder request = request(path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json));
        headers.forEach(request::header);
        return send(request.build());
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(base + path)).timeout(DEADLINE)
                .header("Authorization", "Basic " + Base64.getEncoder()
                        .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)));
    }

    private Response send(HttpRequest request) {
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            String body = response.body().trim();
            JsonNode json = body.startsWith("{") || body.startsWith("[") ? ApiClient.JSON.readTree(body)
                    : ApiClient.JSON.missingNode();
            return new Response(response.statusCode(), response, json);
        } catch (IOException e) {
            throw new NoAnswer(request.method() + " " + request.uri().getPath() + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new NoAnswer("interrupted", e);
        }
    }
}

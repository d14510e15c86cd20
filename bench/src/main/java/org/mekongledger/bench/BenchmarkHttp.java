package org.mekongledger.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

/**
 * One shared JDK HTTP/1.1 client: keep-alive connections are pooled and reused by the calling threads,
 * so N benchmark threads hold at most N connections. Credentials are sent pre-emptively (no 401 round trip).
 */
final class BenchmarkHttp {

    /** A completed exchange, or a transport failure ({@code status} -1, {@code body} the exception). */
    record Exchange(int status, String body, long startNanos, long endNanos) {
        double millis() {
            return (endNanos - startNanos) / 1e6;
        }
    }

    private final HttpClient client;
    private final String base;
    private final String authorization;
    private final Duration timeout;

    BenchmarkHttp(ServiceEndpoint endpoint) {
        this.client = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10))
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        this.base = endpoint.baseUrl().toString();
        this.authorization = "Basic " + Base64.getEncoder().encodeToString(
                (endpoint.user() + ":" + endpoint.password()).getBytes(StandardCharsets.UTF_8));
        this.timeout = Duration.ofSeconds(endpoint.requestTimeoutSeconds());
    }

    Exchange post(String path, byte[] json) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + path))
                .timeout(timeout)
                .header("Authorization", authorization)
                .header("Content-Type", "application/json")
                .header("Accept", "application/json, application/problem+json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(json))
                .build();
        return send(request);
    }

    Exchange get(String path) {
        return get(URI.create(base + path), true);
    }

    Exchange get(URI uri, boolean authenticated) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(uri)
                .timeout(timeout)
                .header("Accept", "application/json, application/problem+json")
                .GET();
        if (authenticated) {
            builder.header("Authorization", authorization);
        }
        return send(builder.build());
    }

    private Exchange send(HttpRequest request) {
        long start = System.nanoTime();
        try {
            HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
            return new Exchange(response.statusCode(), response.body(), start, System.nanoTime());
        } catch (IOException e) {
            return new Exchange(-1, e.toString(), start, System.nanoTime());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Exchange(-1, e.toString(), start, System.nanoTime());
        }
    }
}

package org.mekongledger.settlement.it;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.jayway.jsonpath.JsonPath;
import com.jayway.jsonpath.PathNotFoundException;

import net.minidev.json.JSONValue;

/**
 * One user's view of the ledger API (/api/v1), as a client is told to use it: every POST and PUT with an
 * Idempotency-Key, sent again with the same key after a lost answer, a 503 or a 409 that says to retry.
 */
final class Api {

    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    /** An answer: its status and body, read with JsonPath. */
    record Response(int status, String body) {
        <T> T read(String path) {
            return JsonPath.read(body, path);
        }

        String text(String path) {
            try {
                Object value = JsonPath.read(body, path);
                return value == null ? null : value.toString();
            } catch (PathNotFoundException absent) {
                return null;
            }
        }

        Response expect(int... statuses) {
            for (int expected : statuses) {
                if (status == expected) {
                    return this;
                }
            }
            throw new AssertionError("expected " + java.util.Arrays.toString(statuses) + " but got " + status + ": " + body);
        }
    }

    private final String base;
    private final String authorization;

    Api(int port, String user, String password) {
        this.base = "http://127.0.0.1:" + port + "/api/v1";
        this.authorization = "Basic " + Base64.getEncoder()
                .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    Response get(String path) {
        return send(request(path).GET(), false);
    }

    Response post(String path, Object body) {
        return send(request(path).header("Content-Type", "application/json")
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .POST(HttpRequest.BodyPublishers.ofString(JSONValue.toJSONString(body))), true);
    }

    Response put(String path, Object body) {
        return send(request(path).header("Content-Type", "application/json")
                .header("Idempotency-Key", UUID.randomUUID().toString())
                .PUT(HttpRequest.BodyPublishers.ofString(JSONValue.toJSONString(body))), true);
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(120))
                .header("Authorization", authorization).header("Accept", "application/json, application/problem+json");
    }

    private static Response send(HttpRequest.Builder builder, boolean keyed) {
        HttpRequest request = builder.build();
        long giveUp = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (true) {
            try {
                HttpResponse<String> answer = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
                boolean retry = answer.statusCode() == 503
                        || (answer.statusCode() == 409 && answer.headers().firstValue("Retry-After").isPresent());
                if (!retry || System.nanoTime() > giveUp) {
                    return new Response(answer.statusCode(), answer.body());
                }
            } catch (IOException lost) {
                if (System.nanoTime() > giveUp) {
                    throw new IllegalStateException(request.method() + " " + request.uri() + ": no answer", lost);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    static Map<String, Object> map(Object... keysAndValues) {
        Map<String, Object> map = new java.util.LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            if (keysAndValues[i + 1] != null) {
                map.put((String) keysAndValues[i], keysAndValues[i + 1]);
            }
        }
        return map;
    }

    static List<Object> list(Object... items) {
        return List.of(items);
    }
}

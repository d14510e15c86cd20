package org.mekongledger.security;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * An identity provider in the test: an RSA key of its own, its public JWK set and discovery
 * document served on a local port, and tokens signed with it (or, to be refused, with another key).
 */
public final class LocalIssuer implements AutoCloseable {

    static final String AUDIENCE = "mekong-ledger-api";

    private final RSAKey key;
    private final HttpServer server;
    private volatile boolean down;
    /** Who signs in at the authorization endpoint next, as a browser's user would at the provider's page. */
    private volatile JWTClaimsSet.Builder signsIn;
    private volatile boolean wrongNonce;
    private final Map<String, Map<String, String>> codes = new java.util.concurrent.ConcurrentHashMap<>();

    private LocalIssuer(RSAKey key, HttpServer server) {
        this.key = key;
        this.server = server;
    }

    public static LocalIssuer start() {
        try {
            RSAKey key = newKey("ledger-test-key");
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            LocalIssuer issuer = new LocalIssuer(key, server);
            server.createContext("/realms/test/protocol/openid-connect/certs",
                    exchange -> issuer.answer(exchange, new JWKSet(key.toPublicJWK()).toString()));
            server.createContext("/realms/test/.well-known/openid-configuration",
                    exchange -> issuer.answer(exchange, "{\"issuer\":\"" + issuer.issuer() + "\",\"jwks_uri\":\""
                            + issuer.jwkSetUri() + "\",\"id_token_signing_alg_values_supported\":[\"RS256\"],"
                            + "\"authorization_endpoint\":\"" + issuer.issuer() + "/protocol/openid-connect/auth\","
                            + "\"token_endpoint\":\"" + issuer.issuer() + "/protocol/openid-connect/token\","
                            + "\"response_types_supported\":[\"code\"],\"subject_types_supported\":[\"public\"],"
                            + "\"scopes_supported\":[\"openid\"]}"));
            server.createContext("/realms/test/protocol/openid-connect/auth", issuer::authorize);
            server.createContext("/realms/test/protocol/openid-connect/token", issuer::token);
            server.start();
            return issuer;
        } catch (IOException | JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private static RSAKey newKey(String keyId) throws JOSEException {
        return new RSAKeyGenerator(2048).keyID(keyId).generate();
    }

    /** The user who signs in at the provider's page next (the authorization code flow). */
    public void signsIn(JWTClaimsSet.Builder claims) {
        this.signsIn = claims;
    }

    /** From now on the ID token carries a nonce the client did not send: a replayed or forged sign-in. */
    public void wrongNonce(boolean wrong) {
        this.wrongNonce = wrong;
    }

    /** The provider's sign-in page, already signed in: straight back to the client with a code. */
    private void authorize(HttpExchange exchange) throws IOException {
        Map<String, String> asked = form(exchange.getRequestURI().getRawQuery());
        String code = UUID.randomUUID().toString();
        codes.put(code, asked);
        String back = asked.get("redirect_uri") + "?code=" + code + "&state="
                + java.net.URLEncoder.encode(asked.get("state"), StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Location", back);
        exchange.sendResponseHeaders(302, -1);
        exchange.close();
    }

    /** The code for tokens: an ID token for the client that asked, with its nonce. */
    private void token(HttpExchange exchange) throws IOException {
        Map<String, String> posted = form(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
        Map<String, String> asked = codes.remove(posted.getOrDefault("code", ""));
        if (asked == null) {
            byte[] body = "{\"error\":\"invalid_grant\"}".getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(400, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
            return;
        }
        JWTClaimsSet.Builder idToken = signsIn.audience(asked.get("client_id")).claim("azp", asked.get("client_id"))
                .claim("nonce", wrongNonce ? "not-" + asked.get("nonce") : asked.get("nonce"));
        answer(exchange, "{\"access_token\":\"" + UUID.randomUUID() + "\",\"token_type\":\"Bearer\",\"expires_in\":300,"
                + "\"scope\":\"openid\",\"id_token\":\"" + token(idToken) + "\"}");
    }

    private static Map<String, String> form(String encoded) {
        Map<String, String> values = new java.util.HashMap<>();
        if (encoded == null || encoded.isEmpty()) {
            return values;
        }
        for (String pair : encoded.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                values.put(java.net.URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        java.net.URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return values;
    }

    /** While down, the issuer answers 503 to everything. */
    void down(boolean down) {
        this.down = down;
    }

    private void answer(HttpExchange exchange, String json) throws IOException {
        if (down) {
            exchange.sendResponseHeaders(503, -1);
            exchange.close();
            return;
        }
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    public String issuer() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/realms/test";
    }

    String jwkSetUri() {
        return issuer() + "/protocol/openid-connect/certs";
    }

    /** Claims as a Keycloak access token carries them, valid for five minutes from now. */
    public static JWTClaimsSet.Builder claims(String user, List<String> roles) {
        Instant now = Instant.now();
        return new JWTClaimsSet.Builder()
                .subject(UUID.randomUUID().toString())
                .claim("preferred_username", user)
                .claim("realm_access", Map.of("roles", roles))
                .audience(AUDIENCE)
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plusSeconds(300)))
                .jwtID(UUID.randomUUID().toString());
    }

    /** A token from this issuer. */
    String token(JWTClaimsSet.Builder claims) {
        return sign(key, claims.issuer(issuer()).build());
    }

    /** The claims signed as this issuer's, but with the key of somebody else, under this issuer's key id. */
    String forged(JWTClaimsSet.Builder claims) {
        try {
            return sign(newKey(key.getKeyID()), claims.issuer(issuer()).build());
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Signed with a key this issuer has not published (yet), under a key id of its own. */
    String withANewKey(JWTClaimsSet.Builder claims) {
        try {
            return sign(newKey("rotated-" + UUID.randomUUID()), claims.issuer(issuer()).build());
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Signed with this issuer's key, but naming another issuer. */
    String fromAnotherIssuer(JWTClaimsSet.Builder claims) {
        return sign(key, claims.issuer("http://127.0.0.1:1/realms/elsewhere").build());
    }

    private static String sign(RSAKey with, JWTClaimsSet claims) {
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(with.getKeyID())
                    .type(JOSEObjectType.JWT).build(), claims);
            jwt.sign(new RSASSASigner(with));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}

package org.mekongledger.bench;

import java.net.URI;
import java.util.Map;

/** Where the service answers and how to log in: the settings every HTTP benchmark shares. */
record ServiceEndpoint(URI baseUrl, URI healthUrl, String user, String password, int requestTimeoutSeconds) {

    static void addDefaults(Map<String, String> defaults) {
        defaults.put("baseUrl", "http://localhost:8080/api/v1");
        defaults.put("healthUrl", "");                       // default: <scheme://host:port of baseUrl>/actuator/health
        defaults.put("user", "admin");
        defaults.put("password", "admin");
        defaults.put("requestTimeoutSeconds", "120");
    }

    static ServiceEndpoint from(BenchmarkSettings s) {
        String base = s.string("baseUrl");
        while (base.endsWith("/")) {
            base = base.substring(0, base.length() - 1);
        }
        URI baseUrl = URI.create(base);
        String health = s.string("healthUrl");
        URI healthUrl = health.isBlank()
                ? URI.create(baseUrl.getScheme() + "://" + baseUrl.getRawAuthority() + "/actuator/health")
                : URI.create(health);
        return new ServiceEndpoint(baseUrl, healthUrl, s.string("user"), s.string("password"),
                s.positiveInt("requestTimeoutSeconds"));
    }
}

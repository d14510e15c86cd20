package org.mekongledger.bench;

import java.util.Map;

/**
 * Who sends the measured entitlement queries, and whose workers it asks about. The set-up always runs as the
 * endpoint's user (admin); an embassy officer as reader puts the nationality scoping and the recorded read (audit
 * row written before the answer) on every measured request, so the two figures side by side show what they cost.
 */
record EntitlementReader(String user, String password, String nationality) {

    static void addDefaults(Map<String, String> defaults) {
        defaults.put("readerUser", "");                      // default: user (the set-up's credentials)
        defaults.put("readerPassword", "");                  // default: password, when readerUser is not given
        defaults.put("readerNationality", "");               // default: all workers; else only these (e.g. MMR)
    }

    static EntitlementReader from(BenchmarkSettings s, ServiceEndpoint setUp) {
        String user = s.string("readerUser");
        String password = s.string("readerPassword");
        if (user.isBlank()) {
            if (!password.isBlank()) {
                throw new IllegalArgumentException("readerPassword given without readerUser");
            }
            user = setUp.user();
            password = setUp.password();
        } else if (password.isBlank()) {
            throw new IllegalArgumentException("readerUser " + user + " needs a readerPassword");
        }
        String nationality = s.string("readerNationality").trim().toUpperCase();
        if (!nationality.isEmpty() && !nationality.matches("[A-Z]{3}")) {
            throw new IllegalArgumentException("readerNationality must be an ISO 3166-1 alpha-3 code such as MMR: "
                    + s.string("readerNationality"));
        }
        return new EntitlementReader(user, password, nationality);
    }

    /** The set-up's endpoint, signed in as the reader. */
    ServiceEndpoint endpoint(ServiceEndpoint setUp) {
        return new ServiceEndpoint(setUp.baseUrl(), setUp.healthUrl(), user, password, setUp.requestTimeoutSeconds());
    }

    /** Whether the measured loop asks about a worker of this nationality. */
    boolean asksAbout(String workerNationality) {
        return nationality.isEmpty() || nationality.equals(workerNationality);
    }

    /** "embassy-mmr (MMR workers)", "admin (all workers)" */
    String label() {
        return user + " (" + (nationality.isEmpty() ? "all" : nationality) + " workers)";
    }

    /** Never the password. */
    @Override
    public String toString() {
        return label();
    }
}

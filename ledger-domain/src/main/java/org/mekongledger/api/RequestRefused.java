package org.mekongledger.api;

import java.util.List;

/** The request breaks business rules; nothing was recorded. Lists every violation, not just the first. */
public class RequestRefused extends RuntimeException {
    private final transient List<Violation> violations;

    public RequestRefused(List<Violation> violations) {
        super(violations.size() + " rule violation(s): " + violations);
        this.violations = List.copyOf(violations);
    }

    public RequestRefused(String field, String message) {
        this(List.of(new Violation(field, message)));
    }

    public List<Violation> violations() {
        return violations;
    }
}

package org.mekongledger.ruleset;

/**
 * A rule-set resource that cannot be used. The message always starts with the resource path,
 * because the person who must fix it is editing a data file, not reading a stack trace.
 */
public class RuleSetFormatException extends IllegalArgumentException {

    private final String resource;

    public RuleSetFormatException(String resource, String problem) {
        super(resource + ": " + problem);
        this.resource = resource;
    }

    public RuleSetFormatException(String resource, String problem, Throwable cause) {
        super(resource + ": " + problem, cause);
        this.resource = resource;
    }

    /** Path of the offending resource, e.g. {@code rulesets/TH_SSF_S33/2026-01.json}. */
    public String resource() {
        return resource;
    }
}

package org.mekongledger.api;

/** One broken rule in a request, named by the JSON path of the offending field (e.g. {@code lines[3].wage}). */
public record Violation(String field, String message) {
}

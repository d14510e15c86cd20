package org.mekongledger.api;

public record DocumentLinked(String workerId, IdentityDocument document) {
}

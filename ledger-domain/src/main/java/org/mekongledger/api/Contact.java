package org.mekongledger.api;

/** A way to reach a returnee; people switch SIM cards, so a worker keeps several. */
public record Contact(String channel, String value) {
}

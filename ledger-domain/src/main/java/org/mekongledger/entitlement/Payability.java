package org.mekongledger.entitlement;

import java.time.LocalDate;

/**
 * When an old-age benefit becomes payable.
 *
 * @param payableFrom    the earliest day it can be paid; the pensionable-age birthday when no
 *                       condition has been met yet
 * @param conditionsMet  whether the recorded facts fulfil a route to payment (e.g. insured status ended)
 * @param eligible       conditions met and payableFrom reached on the as-of date
 */
record Payability(LocalDate payableFrom, boolean conditionsMet, boolean eligible) {

    /** Whether the benefit had become payable by the day (e.g. before the member died). */
    boolean payableBy(LocalDate day) {
        return conditionsMet && !payableFrom.isAfter(day);
    }
}

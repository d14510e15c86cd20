package org.mekongledger.api;

/**
 * Where a benefit claim stands. FILED -> APPROVED | REJECTED | CANCELLED; APPROVED -> SCHEDULED
 * (by settlement) -> PAID | FAILED; FAILED -> APPROVED (again, a new payee allowed) | CANCELLED.
 */
public enum ClaimStatus { FILED, APPROVED, REJECTED, CANCELLED, SCHEDULED, PAID, FAILED }

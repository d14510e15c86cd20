package org.mekongledger.web;

import jakarta.validation.constraints.NotNull;

import org.springframework.util.unit.DataSize;

/**
 * How much a client may send in one request. The default (application.yml) holds a 5,000-line
 * filing several times over; anything larger is refused before it is read into memory.
 * Configured as {@code ledger.http} ({@link WebSettings}).
 */
public record HttpLimits(@NotNull DataSize maxRequestBytes) {

    public HttpLimits {
        if (maxRequestBytes == null || maxRequestBytes.toBytes() <= 0) {
            throw new IllegalArgumentException("ledger.http.max-request-bytes must be a positive size");
        }
    }
}

package org.mekongledger.web;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * How much a client may send in one request. The default (application.yml) holds a 5,000-line
 * filing several times over; anything larger is refused before it is read into memory.
 */
@ConfigurationProperties(prefix = "ledger.http")
public record HttpLimits(DataSize maxRequestBytes) {

    public HttpLimits {
        if (maxRequestBytes == null || maxRequestBytes.toBytes() <= 0) {
            throw new IllegalArgumentException("ledger.http.max-request-bytes must be a positive size");
        }
    }
}

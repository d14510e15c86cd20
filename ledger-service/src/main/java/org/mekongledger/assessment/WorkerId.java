package org.mekongledger.assessment;

import java.util.Objects;

/** A registered worker's id, as the entitlement use cases and the history cache key it. */
record WorkerId(String value) {

    WorkerId {
        Objects.requireNonNull(value, "value");
    }

    @Override
    public String toString() {
        return value;
    }
}

package org.mekongledger.claims;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/** The claim's payee, ground and assessments as jsonb columns of the read model. */
public final class ClaimJson {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private ClaimJson() {
    }

    public static String write(Object value) {
        return value == null ? null : JSON.writeValueAsString(value);
    }

    public static <T> T read(String json, Class<T> type) {
        if (json == null) {
            return null;
        }
        try {
            return JSON.readValue(json, type);
        } catch (JacksonException malformed) {
            // the message could quote the column (a payee's account): the type only
            throw new IllegalStateException("claim_view holds malformed JSON for " + type.getSimpleName());
        }
    }
}

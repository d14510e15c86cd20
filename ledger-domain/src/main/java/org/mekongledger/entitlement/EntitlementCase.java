package org.mekongledger.entitlement;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Everything the engine needs to know about one worker. Missing collections are read as empty.
 *
 * @param nationality   ISO 3166-1 alpha-3; chooses the agreement when {@code agreementId} is null
 * @param insuredMonths by scheme, e.g. "TH_SSF_S33"; a welfare fund's fee payments under its id, e.g. "VN_OESF"
 * @param agreementId   null = the agreement that applies to the nationality, {@link #NO_AGREEMENT} = national
 *                      rules only, otherwise an agreement id such as "TH-MM"
 * @param asOf          the day the entitlements are judged on; also picks the rule-set versions in force
 */
public record EntitlementCase(LocalDate dateOfBirth, String nationality, Map<String, List<InsuredMonth>> insuredMonths,
                              List<ForeignPeriod> foreignPeriods, List<LifeEvent> lifeEvents, String agreementId,
                              LocalDate asOf) {

    /** The {@code agreementId} that asks for national rules although an agreement would apply. */
    public static final String NO_AGREEMENT = "NONE";

    public EntitlementCase {
        Objects.requireNonNull(dateOfBirth, "dateOfBirth");
        Objects.requireNonNull(asOf, "asOf");
        insuredMonths = copy(insuredMonths);
        foreignPeriods = foreignPeriods == null ? List.of() : List.copyOf(foreignPeriods);
        lifeEvents = lifeEvents == null ? List.of() : List.copyOf(lifeEvents);
    }

    private static Map<String, List<InsuredMonth>> copy(Map<String, List<InsuredMonth>> byScheme) {
        if (byScheme == null || byScheme.isEmpty()) {
            return Map.of();
        }
        Map<String, List<InsuredMonth>> copy = new HashMap<>(byScheme.size() * 2);
        byScheme.forEach((scheme, months) -> copy.put(Objects.requireNonNull(scheme, "scheme"),
                months == null ? List.of() : List.copyOf(months)));
        return Map.copyOf(copy);
    }
}

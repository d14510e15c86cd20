package org.mekongledger.settlement.run;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The run's ids, derived from what the run is and never stored anywhere else: the same run date
 * gives the same ids, so files written again are the same bytes and a bank's report finds its
 * payments. All at most 35 characters of {@code [A-Za-z0-9-]}.
 */
public final class PaymentIds {

    private static final DateTimeFormatter COMPACT = DateTimeFormatter.BASIC_ISO_DATE;
    private static final Pattern CLAIM_ID = Pattern.compile(
            "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    private static final Pattern MESSAGE_ID = Pattern.compile("MKL-([0-9]{8})-([A-Z0-9]{1,10})");

    private PaymentIds() {
    }

    /** {@code SR-2026-12-01}. */
    public static String settlementRun(LocalDate runDate) {
        return "SR-" + runDate;
    }

    /** The claim id without dashes, lower case, then {@code -} and the claim's instruction number. */
    public static String endToEndId(String claimId, int instruction) {
        if (!CLAIM_ID.matcher(claimId).matches()) {
            throw new IllegalArgumentException("not a claim id: " + claimId);
        }
        if (instruction < 1 || instruction > 99) {
            throw new IllegalArgumentException("an instruction number is 1 to 99, not " + instruction);
        }
        return claimId.replace("-", "").toLowerCase(Locale.ROOT) + "-" + instruction;
    }

    /** {@code MKL-20261201-FUNDTHB01}: one message per debtor account (or the partner) and run. */
    public static String messageId(LocalDate runDate, String debtorAccount) {
        return "MKL-" + runDate.format(COMPACT) + "-" + debtorAccount;
    }

    /** {@code 20261201-FUNDFX01-MMK-20261201}: one block per currency and execution date. */
    public static String paymentInformationId(LocalDate runDate, String debtorAccount, String currency,
                                              LocalDate executionDate) {
        return runDate.format(COMPACT) + "-" + debtorAccount + "-" + currency + "-" + executionDate.format(COMPACT);
    }

    /** The run date and account a message id of ours names, or empty when it is not one of ours. */
    public static Optional<Message> parseMessageId(String messageId) {
        Matcher matcher = MESSAGE_ID.matcher(messageId == null ? "" : messageId);
        if (!matcher.matches()) {
            return Optional.empty();
        }
        try {
            return Optional.of(new Message(LocalDate.parse(matcher.group(1), COMPACT), matcher.group(2)));
        } catch (DateTimeParseException notADate) {
            return Optional.empty();
        }
    }

    public record Message(LocalDate runDate, String account) {
    }
}

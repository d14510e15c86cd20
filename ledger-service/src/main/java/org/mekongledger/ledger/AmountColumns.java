package org.mekongledger.ledger;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.mekongledger.vocabulary.Branch;
import org.mekongledger.vocabulary.Party;
import org.mekongledger.vocabulary.PartyShare;

/** How a wage line's nine amounts (party x branch) map to their columns of ledger_entry. */
final class AmountColumns {

    private static final Map<Branch, String> BRANCH_SUFFIX = new EnumMap<>(Map.of(
            Branch.SICKNESS_MATERNITY_INVALIDITY_DEATH, "smid",
            Branch.CHILD_ALLOWANCE_OLD_AGE, "caoa",
            Branch.UNEMPLOYMENT, "unemp"));

    private AmountColumns() {
    }

    static String column(Party party, Branch branch) {
        return party.name().toLowerCase(Locale.ROOT) + "_" + BRANCH_SUFFIX.get(branch);
    }

    /** Column names in a fixed order: parties, then branches, as the enums declare them. */
    static List<String> columns() {
        List<String> columns = new ArrayList<>();
        for (Party party : Party.values()) {
            for (Branch branch : Branch.values()) {
                columns.add(column(party, branch));
            }
        }
        return columns;
    }

    static Map<Party, Map<Branch, BigDecimal>> amounts(Map<Party, PartyShare> shares) {
        Map<Party, Map<Branch, BigDecimal>> amounts = new EnumMap<>(Party.class);
        shares.forEach((party, share) -> amounts.put(party, share.branches()));
        return amounts;
    }

    static Map<Party, Map<Branch, BigDecimal>> read(ResultSet row, String prefix) throws SQLException {
        Map<Party, Map<Branch, BigDecimal>> amounts = new EnumMap<>(Party.class);
        for (Party party : Party.values()) {
            Map<Branch, BigDecimal> branches = new EnumMap<>(Branch.class);
            for (Branch branch : Branch.values()) {
                branches.put(branch, row.getBigDecimal(prefix + column(party, branch)));
            }
            amounts.put(party, branches);
        }
        return amounts;
    }

    static Map<Party, PartyShare> shares(Map<Party, Map<Branch, BigDecimal>> amounts) {
        Map<Party, PartyShare> shares = new EnumMap<>(Party.class);
        amounts.forEach((party, branches) -> shares.put(party, new PartyShare(
                branches.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add), branches)));
        return shares;
    }
}
